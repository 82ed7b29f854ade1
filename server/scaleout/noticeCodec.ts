/**
 * The bytes of a per-document notice on the bus: the publishing node's id, then the notice.
 * Decoding is strict (Redis is outside the process): anything malformed is refused, never half-read.
 */
import * as encoding from 'lib0/encoding';
import type { DocumentNotice } from '../../lib/sync/ClusterBus';
import { DecodeError, StrictReader } from '../sync/strictDecoding';

const PRESENCE = 0;
const COMMENTS_CHANGED = 1;

export interface NoticeMessage {
  readonly nodeId: string;
  readonly notice: DocumentNotice;
}

export function encodeNotice(nodeId: string, notice: DocumentNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, nodeId);
  if (notice.kind === 'presence') {
    encoding.writeVarUint(encoder, PRESENCE);
    encoding.writeVarUint8Array(encoder, notice.update);
  } else {
    encoding.writeVarUint(encoder, COMMENTS_CHANGED);
    encoding.writeVarUint(encoder, notice.revision);
  }
  return encoding.toUint8Array(encoder);
}

/** The notice, or null for bytes that are not one. */
export function decodeNotice(bytes: Uint8Array): NoticeMessage | null {
  const reader = new StrictReader(bytes);
  try {
    const nodeId = reader.varString();
    const kind = reader.varUint();
    let notice: DocumentNotice;
    if (kind === PRESENCE) notice = { kind: 'presence', update: reader.varBytes() };
    else if (kind === COMMENTS_CHANGED) notice = { kind: 'commentsChanged', revision: reader.varUint() };
    else return null;
    reader.end();
    return { nodeId, notice };
  } catch (error) {
    if (error instanceof DecodeError) return null;
    throw error;
  }
}

/**
 * A minimal y-websocket client for load generation: raw frames, no Y.Doc on the receiving side,
 * so the benchmark's own CPU stays small next to the server it measures.
 */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep } from '../../lib/protocol';

export interface Delivery {
  /** Sync sub-type (step2 or update) of a relayed body message. */
  readonly step: number;
  /** Client id and clock of the first struct in the update, if it has one. */
  readonly client?: number;
  readonly clock?: number;
}

export function encodeSyncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An empty state vector: "send me everything". */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** Reads just enough of a frame to identify the update it carries. */
export function peekDelivery(data: Uint8Array): Delivery | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== MessageType.sync) return null;
  const step = decoding.readVarUint(decoder);
  if (step === SyncStep.step1) return { step };
  const update = decoding.readVarUint8Array(decoder);
  const inner = decoding.createDecoder(update);
  const clients = decoding.readVarUint(inner);
  if (clients === 0) return { step };
  decoding.readVarUint(inner); // number of structs
  const client = decoding.readVarUint(inner);
  const clock = decoding.readVarUint(inner);
  return { step, client, clock };
}

export function openClient(url: string, onMessage: (data: Uint8Array) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => onMessage(data));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed ${code} before open`)));
  });
}

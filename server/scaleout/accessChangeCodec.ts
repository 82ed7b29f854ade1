/**
 * An access change on the bus as JSON (`{ n: nodeId, change }`), checked on the way in: a message
 * that is not one is refused whole, so a stray publish on the channel closes nobody's socket.
 */
import { z } from '../../lib/zodWithoutEval';
import type { ClusterAccessChange } from '../../lib/sync/ClusterBus';

const id = z.string().min(1).max(200);

const changeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sessions'),
    personId: id,
    reason: z.string().min(1).max(100),
    sessionIdHashes: z.array(id).max(10_000).optional(),
    keptSessionIdHash: id.optional(),
  }),
  z.object({ kind: z.literal('document'), documentId: id }),
  z.object({ kind: z.literal('reset'), documentId: id }),
  z.object({ kind: z.literal('apiKey'), keyId: id }),
]);

const messageSchema = z.object({ n: id, change: changeSchema });

export interface AccessChangeMessage {
  readonly nodeId: string;
  readonly change: ClusterAccessChange;
}

export function encodeAccessChange(nodeId: string, change: ClusterAccessChange): string {
  return JSON.stringify({ n: nodeId, change });
}

/** The message, or null for text that is not one. */
export function decodeAccessChange(text: string): AccessChangeMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = messageSchema.safeParse(json);
  if (!parsed.success) return null;
  return { nodeId: parsed.data.n, change: parsed.data.change };
}

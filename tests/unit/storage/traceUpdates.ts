/**
 * Real Yjs updates for storage tests: the first edits of the automerge-paper trace
 * (tests/fixtures/traces, CC BY 4.0, see the README there), typed by two clients that relay
 * their updates to each other the way the sync server does. automerge-paper is ASCII, so trace
 * positions (code points) equal Y.Text positions (UTF-16 units).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

type Patch = [position: number, deleted: number, inserted: string];

let patches: Patch[] | undefined;

function tracePatches(): Patch[] {
  if (!patches) {
    const file = new URL('../../fixtures/traces/automerge-paper.json.gz', import.meta.url);
    const trace = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { txns: { patches: Patch[] }[] };
    patches = trace.txns.flatMap((txn) => txn.patches);
  }
  return patches;
}

export interface TraceWriters {
  /** Both clients hold every update (they relay to each other). */
  readonly a: Y.Doc;
  readonly b: Y.Doc;
  /** The text the trace says the document holds after the edits typed so far. */
  expected: string;
  /** Types the next `count` edits, alternating clients every `turn` edits; calls `onUpdate` per local update. */
  type(count: number): void;
  destroy(): void;
}

export function traceWriters(onUpdate: (update: Uint8Array) => void, turn = 37): TraceWriters {
  const all = tracePatches();
  const a = new Y.Doc();
  const b = new Y.Doc();
  const relay = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'relay') return;
    onUpdate(update);
    Y.applyUpdate(to, update, 'relay');
  };
  a.on('update', relay(b));
  b.on('update', relay(a));
  let next = 0;
  const writers: TraceWriters = {
    a,
    b,
    expected: '',
    type(count) {
      for (const end = Math.min(next + count, all.length); next < end; next++) {
        const [position, deleted, inserted] = all[next]!;
        const doc = Math.floor(next / turn) % 2 === 0 ? a : b;
        const text = doc.getText('body');
        doc.transact(() => {
          if (deleted > 0) text.delete(position, deleted);
          if (inserted.length > 0) text.insert(position, inserted);
        });
        writers.expected = writers.expected.slice(0, position) + inserted + writers.expected.slice(position + deleted);
      }
    },
    destroy() {
      a.destroy();
      b.destroy();
    },
  };
  return writers;
}

/** A fresh Y.Doc built from what a store loaded. */
export function docFromUpdates(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

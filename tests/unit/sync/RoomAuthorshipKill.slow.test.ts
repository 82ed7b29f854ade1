/**
 * The stamps are as durable as the updates: a process running the sync core over the file store is
 * killed with SIGKILL while two people type with `saved` acks, and every clock it acknowledged is
 * on disk AND attributed to the person who typed it (through compactions too).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { runUntilKilled } from '../../helpers/runUntilKilled';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('stamp-kill');
const fixture = fileURLToPath(new URL('./fixtures/stampUntilKilled.ts', import.meta.url));

describe('attribution and SIGKILL', () => {
  it('every acknowledged clock is stored and attributed to who typed it', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const lines = await runUntilKilled(fixture, [dir], 400);
    // Per client: who typed through it, and the highest clock acknowledged as durable.
    const acknowledged = new Map<number, { personId: string; clock: number }>();
    for (const line of lines) {
      const [personId, client, clock] = line.split(' ');
      const known = acknowledged.get(Number(client));
      if (!known || Number(clock) > known.clock) acknowledged.set(Number(client), { personId: personId!, clock: Number(clock) });
    }
    expect([...acknowledged.values()].map((a) => a.personId).sort()).toEqual(['p_anna', 'p_bent']);

    const store = new FileDocumentStore({ dir, groupCommitMs: 2 });
    try {
      const stored = await store.loadAttributed('doc');
      const doc = new Y.Doc();
      for (const update of stored!.updates) Y.applyUpdate(doc, update);
      const table = AuthorshipTable.fromStored(stored!.attribution);
      const wrong: string[] = [];
      for (const [client, { personId, clock }] of acknowledged) {
        expect(Y.getState(doc.store, client)).toBeGreaterThanOrEqual(clock);
        for (let c = 0; c < clock; c++) {
          const by = table.authorOf(client, c)?.by ?? null;
          if (by !== `person:${personId}`) wrong.push(`${client}:${c} ${by}`);
        }
      }
      expect(wrong).toEqual([]);
      // Compacted while they typed: far fewer records than acknowledged edits (the snapshot's table carries the rest).
      expect(stored!.updates.length).toBeLessThan(lines.length / 2);
    } finally {
      await store.close();
    }
  });
});

/**
 * The room stamps every stored update with who the server authorized for the connection (never
 * what the client says), keeps the attribution across a restart and a compaction, and a client
 * reusing another's client id gets only its own new text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncActor } from '../../../lib/auth/authorizeSync';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import type { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryDocumentStore as Store } from '../../../server/storage/MemoryDocumentStore';
import { createTestRegistry, type TestRegistry } from '../../helpers/testRegistry';
import { settle } from '../../helpers/tick';
import { encodeSyncUpdate } from '../../../server/sync/encodeMessage';

const open: Array<TestRegistry<MemoryDocumentStore>> = [];
afterEach(async () => {
  for (const test of open.splice(0)) await test.close();
});

function setup(store = new Store(), options: Parameters<typeof createTestRegistry>[0] = {}): TestRegistry<MemoryDocumentStore> {
  const test = createTestRegistry<MemoryDocumentStore>({ ...options, store });
  open.push(test);
  return test;
}

/** A connection the server authorized with a person's session; the presence name is whatever the client claims. */
const personActor = (personId: string, claimedName = 'Alice'): SyncActor => ({
  id: personId,
  name: claimedName,
  color: '#1d6fb8',
  session: { personId, idHash: `hash-${personId}` },
});

async function tableOf(test: TestRegistry<MemoryDocumentStore>, id: string): Promise<AuthorshipTable> {
  return AuthorshipTable.fromStored([(await test.registry.readAuthorship(id)).attribution]);
}

/** The author of each character of Y.Text 't' as the table says, joined into runs: [text, author]. */
function runsOf(doc: Y.Doc, table: AuthorshipTable): Array<[string, string | null]> {
  const runs: Array<[string, string | null]> = [];
  for (let item = doc.getText('t')._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const text = item.content.str;
    for (let i = 0; i < text.length; i++) {
      const by = table.authorOf(item.id.client, item.id.clock + i)?.by ?? null;
      const last = runs[runs.length - 1];
      if (last && last[1] === by) last[0] += text[i];
      else runs.push([text[i]!, by]);
    }
  }
  return runs;
}

describe('Room attribution', () => {
  it('stamps each person’s text with their authenticated person id, whatever name their client claims', async () => {
    const test = setup();
    const alice = test.client('doc', { actor: personActor('p_alice', 'Alice') });
    const bob = test.client('doc', { actor: personActor('p_bob', 'Alice') });
    await settle();
    alice.doc.getText('t').insert(0, 'Hej ');
    await settle();
    bob.doc.getText('t').insert(4, 'verden');
    await settle();
    expect(alice.text).toBe('Hej verden');
    const table = await tableOf(test, 'doc');
    expect(runsOf(alice.doc, table)).toEqual([
      ['Hej ', 'person:p_alice'],
      ['verden', 'person:p_bob'],
    ]);
    expect(table.sessions().map((s) => [s.by, s.edits])).toEqual([
      ['person:p_alice', 1],
      ['person:p_bob', 1],
    ]);
    // The stamps are in the stored records themselves.
    const stored = await test.store.loadAttributed('doc');
    expect(AuthorshipTable.fromStored(stored!.attribution).ranges()).toEqual(table.ranges());
  });

  it('keeps the attribution across a restart and a compaction (and unknown for what was stored before)', async () => {
    const store = new Store();
    const legacy = new Y.Doc();
    legacy.getText('t').insert(0, 'Gammel ');
    await store.append('doc', Y.encodeStateAsUpdate(legacy)); // no attribution: data from before
    const first = setup(store, { compactAfterRecords: 3 });
    const alice = first.client('doc', { actor: personActor('p_alice') });
    await settle();
    for (const word of ['en ', 'to ', 'tre ', 'fire']) {
      alice.doc.getText('t').insert(alice.doc.getText('t').length, word);
      await settle();
    }
    await settle();
    const before = runsOf(alice.doc, await tableOf(first, 'doc'));
    expect(before).toEqual([
      ['Gammel ', null],
      ['en to tre fire', 'person:p_alice'],
    ]);
    await first.close();
    open.splice(open.indexOf(first), 1);
    // Compacted: a snapshot with its table, and at most the records since.
    expect((await store.load('doc'))!.length).toBeLessThan(4);

    const second = setup(store);
    const reader = second.client('doc', { actor: personActor('p_bob') });
    await settle();
    expect(reader.text).toBe('Gammel en to tre fire');
    expect(runsOf(reader.doc, await tableOf(second, 'doc'))).toEqual(before);
  });

  // A cold load does not wait for the stored stamps to be folded (a long log after a crash holds
  // thousands): they are folded in the background, and an edit arriving before that is done folds
  // the rest first, so its stamp comes after all of them, as if the load had waited.
  it('stamps an edit that arrives right after a cold load of a long stamped log after every stored stamp', async () => {
    const first = setup(new Store(), { compactAfterRecords: 100_000 });
    const alice = first.client('doc', { actor: personActor('p_alice') });
    await settle();
    for (let i = 0; i < 3000; i++) alice.doc.getText('t').insert(i, String.fromCharCode(97 + (i % 26)));
    await settle();
    await first.registry.room('doc')?.settled();
    // The log as a crash leaves it: every record with its stamp, no snapshot.
    const log = (await first.store.loadAttributed('doc'))!;
    expect(log.updates.length).toBe(3000);
    expect(log.attribution.length).toBe(3000);
    const crashed = new Store();
    for (let i = 0; i < log.updates.length; i++) await crashed.append('doc', log.updates[i]!, log.attribution[i]);

    const second = setup(crashed);
    const bob = second.client('doc', { actor: personActor('p_bob') });
    const handle = bob.socket.onServerFrame;
    let edited = false;
    bob.socket.onServerFrame = (frame) => {
      handle?.(frame);
      // At the first frame that completes the copy: the room has just answered, nothing folded yet.
      if (!edited && bob.synced) {
        edited = true;
        bob.doc.getText('t').insert(0, 'B');
      }
    };
    await settle();
    await second.registry.room('doc')?.settled();
    expect(edited).toBe(true);
    expect(bob.text).toBe(`B${alice.text}`);
    expect(runsOf(bob.doc, await tableOf(second, 'doc'))).toEqual([
      ['B', 'person:p_bob'],
      [alice.text, 'person:p_alice'],
    ]);
  });

  it('a client reusing another’s client id gets its own new text, and cannot take over what is stored', async () => {
    const test = setup();
    const alice = test.client('doc', { actor: personActor('p_alice') });
    await settle();
    alice.doc.getText('t').insert(0, 'Alices afsnit.');
    await settle();
    // Mallory's client copies the document and writes under alice's client id.
    const mallory = test.client('doc', { actor: personActor('p_mallory', 'Alice') });
    await settle();
    const spoof = new Y.Doc();
    Y.applyUpdate(spoof, Y.encodeStateAsUpdate(mallory.doc));
    spoof.clientID = alice.doc.clientID;
    spoof.getText('t').insert(spoof.getText('t').length, ' Mallorys tilføjelse.');
    // She sends her whole state (alice's stored items included) as one update, then the same again.
    mallory.send(encodeSyncUpdate(Y.encodeStateAsUpdate(spoof)));
    await settle();
    mallory.send(encodeSyncUpdate(Y.encodeStateAsUpdate(spoof)));
    await settle();
    expect(alice.text).toBe('Alices afsnit. Mallorys tilføjelse.');
    expect(runsOf(alice.doc, await tableOf(test, 'doc'))).toEqual([
      ['Alices afsnit.', 'person:p_alice'],
      [' Mallorys tilføjelse.', 'person:p_mallory'],
    ]);
  });

  it('stamps platform tokens with their API key, and a server update (a restore) with who restored', async () => {
    const test = setup();
    const platform = test.client('doc', {
      actor: { id: 'ext:k1:u', name: 'Portal', color: '#000000', token: { access: 'edit', kid: 'k1' } },
    });
    await settle();
    platform.doc.getText('t').insert(0, 'Fra portalen');
    await settle();
    const base = await test.registry.readState('doc');
    const restorer = new Y.Doc();
    Y.applyUpdate(restorer, base);
    restorer.getText('t').insert(0, '> ');
    await test.registry.applyServerUpdate('doc', Y.encodeStateAsUpdate(restorer, Y.encodeStateVectorFromUpdate(base)), 'person:p_admin');
    await settle();
    expect(runsOf(platform.doc, await tableOf(test, 'doc'))).toEqual([
      ['> ', 'person:p_admin'],
      ['Fra portalen', 'key:k1'],
    ]);
  });
});

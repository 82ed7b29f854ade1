/**
 * A version's contributors are frozen with it when it is published: worked out from the document's
 * attribution (the real authorship service over stamped stores), only those whose text is in it,
 * with only what a reader may see, and then read back as stored (a later rename changes nothing; a
 * deleted account reads "Tidligere deltager"). Publishing never fails for want of them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '../../../lib/access/model';
import type { Contributor } from '../../../lib/authorship/Authorship';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import { apiKeyAuthor, personAuthor, type AuthorKey } from '../../../lib/authorship/model';
import { encodeStamp } from '../../../lib/authorship/stampCodec';
import type { DocumentId } from '../../../lib/documentId';
import { translator } from '../../../lib/i18n/translator';
import { contributorLabel, contributorList } from '../../../lib/versions/contributorLabel';
import type { VersionContributor } from '../../../lib/versions/model';
import { versionContributorsOf } from '../../../lib/versions/versionContributorsOf';
import { anonymisingVersionStore } from '../../../server/account/anonymisingStores';
import { createAuthorshipService } from '../../../server/authorship/createAuthorshipService';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { createVersionService } from '../../../server/versions/createVersionService';
import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
import { appendParagraph } from '../../helpers/bodyDoc';
import { sampleVersion } from './versionStoreContract';

const moderator: Extract<Actor, { kind: 'person' }> = {
  kind: 'person',
  id: 'p_mod',
  role: 'moderator',
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
};

describe('versionContributorsOf', () => {
  const contributor = (over: Partial<Contributor>): Contributor => ({
    kind: 'person',
    personId: 'p_1',
    name: 'Anne',
    chars: 10,
    firstAt: '2026-12-01T10:00:00.000Z',
    lastAt: '2026-12-01T11:00:00.000Z',
    ...over,
  });

  it('keeps those whose text is in the version, in order, with only what readers may see', () => {
    expect(
      versionContributorsOf([
        contributor({ organisation: 'Foreningen' }),
        contributor({ kind: 'apiKey', personId: null, name: 'Borgerportalen', chars: 5 }),
        contributor({ kind: 'template', personId: null, name: 'Skabelon', chars: 3 }),
        contributor({ personId: 'p_2', name: 'Bo', chars: 0 }),
        contributor({ kind: 'unknown', personId: null, name: 'Ukendt', chars: 40 }),
      ]),
    ).toEqual([
      { kind: 'person', personId: 'p_1', name: 'Anne', organisation: 'Foreningen' },
      { kind: 'apiKey', personId: null, name: 'Borgerportalen', organisation: null },
      { kind: 'template', personId: null, name: 'Skabelon', organisation: null },
    ]);
  });

  it('names them in each language’s words and list form', () => {
    const list: VersionContributor[] = [
      { kind: 'person', personId: 'p_1', name: 'Anne', organisation: 'Foreningen' },
      { kind: 'guest', personId: null, name: 'Gæst', organisation: null },
      { kind: 'template', personId: null, name: 'Skabelon', organisation: null },
    ];
    expect(contributorList(translator('da'), 'da', list)).toBe('Anne (Foreningen), Gæst og Skabelon');
    expect(contributorList(translator('en'), 'en', list)).toBe('Anne (Foreningen), Guest and Template');
    expect(contributorLabel(translator('en'), { kind: 'former', personId: null, name: 'Tidligere deltager', organisation: null })).toBe(
      'Former participant',
    );
  });
});

describe('publishing freezes the contributors', () => {
  async function setup(options: { failing?: boolean } = {}) {
    const bodies = new MemoryDocumentStore();
    const documents = createDocumentService({ store: bodies, metadata: new MemoryMetadataStore(), touchDelayMs: 5 });
    const people: Record<string, string> = { p_anne: 'Anne Jensen', p_bo: 'Bo Hansen' };
    const authorship = createAuthorshipService({
      documents,
      // The room's read, from the stamped store.
      readAuthorship: async (documentId) => {
        const loaded = (await bodies.loadAttributed(documentId))!;
        return { state: Y.mergeUpdates(loaded.updates), attribution: AuthorshipTable.fromStored(loaded.attribution).encode() };
      },
      personName: async (personId) => people[personId] ?? null,
      apiKeyName: async (keyId) => (keyId === 'k1' ? 'Borgerportalen' : null),
    });
    const store = new MemoryVersionStore();
    const versions = createVersionService({
      store,
      documents,
      readDocumentState: async (id) => Y.mergeUpdates((await bodies.load(id)) ?? []),
      personOf: async (actor) => ({ id: actor.id, name: 'Mette Moderator' }),
      contributorsOf: async (id, state) => {
        if (options.failing) return null;
        return versionContributorsOf(await authorship.frozenContributors(id, state));
      },
    });
    const meta = await documents.create({ title: 'Plan', template: 'projektforslag', createdBy: { id: 'p_anne', name: 'Anne Jensen' } });
    const id = meta.id as DocumentId;
    await documents.setVisibility(id, 'public');
    await documents.setState(id, 'consultation');
    let at = Date.parse('2026-12-07T10:00:00Z');
    const write = async (by: AuthorKey, text: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.mergeUpdates((await bodies.load(id)) ?? []));
      const before = Y.encodeStateVector(doc);
      appendParagraph(doc, text);
      const clock = Y.getState(doc.store, doc.clientID);
      await bodies.append(
        id,
        Y.encodeStateAsUpdate(doc, before),
        encodeStamp({ by, at: (at += 60_000), ranges: [{ client: doc.clientID, from: 0, to: clock }] }),
      );
    };
    return { store, versions, documents, id, write, people };
  }

  it('stores who wrote the text with the version: people, API keys and the template, most text first', async () => {
    const { store, versions, id, write, people } = await setup();
    await write(personAuthor('p_anne'), 'Anne skriver en lang tekst om fællesspisning i Kulturhuset.');
    await write(apiKeyAuthor('k1'), 'Fra portalen.');
    await write(personAuthor('p_bo'), 'Bo er enig.');
    await versions.publish(moderator, id, { summary: 'Første udgave' });
    const stored = (await store.get(id, 1))!;
    expect(stored.contributors!.map((c) => [c.kind, c.name, c.personId])).toEqual([
      ['template', 'Skabelon', null],
      ['person', 'Anne Jensen', 'p_anne'],
      ['apiKey', 'Borgerportalen', null],
      ['person', 'Bo Hansen', 'p_bo'],
    ]);
    // Frozen: a later rename does not change what the version says.
    people.p_anne = 'Anne Omdøbt';
    expect((await store.get(id, 1))!.contributors![1]!.name).toBe('Anne Jensen');
    // Lists and the publish answer stay summaries.
    expect((await store.list(id))[0]).not.toHaveProperty('contributors');
  });

  it('keeps them through a history reset: the earlier version as stored, the next one still naming who wrote before it', async () => {
    const { store, versions, documents, id, write } = await setup();
    await write(personAuthor('p_anne'), 'Anne skrev før nulstillingen.');
    await versions.publish(moderator, id, { summary: 'Første' });
    await documents.resetHistory(id);
    await documents.setState(id, 'consultation');
    await write(personAuthor('p_bo'), 'Bo skrev efter.');
    await versions.publish(moderator, id, { summary: 'Anden' });
    expect((await store.get(id, 1))!.contributors!.map((c) => c.name)).toEqual(['Skabelon', 'Anne Jensen']);
    expect((await store.get(id, 2))!.contributors!.map((c) => c.name)).toEqual(['Skabelon', 'Anne Jensen', 'Bo Hansen']);
  });

  it('freezes them for a consultation draft too (a move of phase)', async () => {
    const { store, versions, id, write } = await setup();
    await write(personAuthor('p_bo'), 'Bo skriver.');
    await versions.freezeForPhase(id, 'final', { id: 'p_mod', name: 'Mette Moderator' });
    expect((await store.get(id, 1))!.contributors!.map((c) => c.name)).toEqual(['Skabelon', 'Bo Hansen']);
  });

  it('still publishes when they cannot be read (the version has none recorded)', async () => {
    const { store, versions, id, write } = await setup({ failing: true });
    await write(personAuthor('p_bo'), 'Bo skriver.');
    const { created } = await versions.publish(moderator, id, { summary: 'x' });
    expect(created).toBe(true);
    expect((await store.get(id, 1))!.contributors).toBeUndefined();
  });
});

describe('a deleted account among the contributors', () => {
  it('reads as "Tidligere deltager" (no id, no organisation), everyone else as stored', async () => {
    const inner = new MemoryVersionStore();
    await inner.add({
      ...sampleVersion('docA', 1),
      contributors: [
        { kind: 'person', personId: 'p_gone', name: 'Slettet Person', organisation: 'Foreningen' },
        { kind: 'person', personId: 'p_here', name: 'Bo Hansen', organisation: null },
      ],
    });
    const store = anonymisingVersionStore(inner, async (ids) => new Set(ids.filter((id) => id === 'p_gone')));
    expect((await store.get('docA', 1))!.contributors).toEqual([
      { kind: 'former', personId: null, name: 'Tidligere deltager', organisation: null },
      { kind: 'person', personId: 'p_here', name: 'Bo Hansen', organisation: null },
    ]);
  });
});

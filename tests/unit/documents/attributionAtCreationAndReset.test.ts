/**
 * Who wrote a document's text, at its two ends of history: the body it is created with (its
 * template, or the content the platform or the demo seed gives it) is the template's ("Skabelon"),
 * not unknown; and a history reset, which copies the body into new Yjs items, carries who wrote
 * each part over to the copies (times and the timeline too), so later versions still name them.
 */
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import { authorKeysOf, buildAuthorship } from '../../../lib/authorship/buildAuthorship';
import { carryAttribution } from '../../../lib/authorship/carryAttribution';
import { creationStamp } from '../../../lib/authorship/creationStamp';
import { personAuthor, type ClockRange } from '../../../lib/authorship/model';
import { resolveAuthors } from '../../../lib/authorship/resolveAuthors';
import { encodeStamp } from '../../../lib/authorship/stampCodec';
import { freshBody } from '../../../lib/documents/freshBody';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { bodySchema } from '../../../lib/versions/bodyJsonOf';
import { encodeBody } from '../../../lib/documents/encodeBody';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';

const CREATED = Date.parse('2026-11-26T10:00:00Z');
const names = {
  personName: async (id: string) => ({ p_anne: 'Anne Jensen', p_bo: 'Bo Hansen' })[id] ?? null,
  apiKeyName: async () => null,
};

/** The authorship read as the service makes it: each range's text with its author's kind and name. */
async function whoWrote(state: Uint8Array, attribution: readonly Uint8Array[]) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const table = AuthorshipTable.fromStored(attribution);
  const authorship = buildAuthorship(
    doc.getXmlFragment(BODY_FRAGMENT),
    bodySchema(),
    table,
    await resolveAuthors(authorKeysOf(table), names),
  );
  const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), bodySchema());
  return {
    ranges: authorship.ranges.map((range) => [pm.textBetween(range.from, range.to, '', '⏎'), range.kind, range.name, range.at]),
    contributors: authorship.contributors.map((contributor) => [contributor.kind, contributor.name, contributor.chars]),
    sessions: authorship.sessions.map((session) => [session.name, session.from, session.edits]),
  };
}

async function stored(store: MemoryDocumentStore, id: string) {
  const loaded = (await store.loadAttributed(id))!;
  return { state: Y.mergeUpdates(loaded.updates), attribution: loaded.attribution };
}

/** What `person` adds on top of `state`, and its stamp (as the room stores it): the new clocks are theirs. */
function edit(state: Uint8Array, change: (doc: Y.Doc) => void, by: string, at: number): { update: Uint8Array; stamp: Uint8Array } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  const beforeMap = Y.decodeStateVector(before);
  change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  const ranges: ClockRange[] = [];
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    const from = beforeMap.get(client) ?? 0;
    if (clock > from) ranges.push({ client, from, to: clock });
  }
  doc.destroy();
  return { update, stamp: encodeStamp({ by, at, ranges }) };
}

describe('the body a document is created with', () => {
  it('is the template’s, in the same record as the body', async () => {
    const store = new MemoryDocumentStore();
    const documents = createDocumentService({ store, metadata: new MemoryMetadataStore(), now: () => new Date(CREATED) });
    const meta = await documents.create({
      title: 'Fællesspisning',
      template: 'projektforslag',
      createdBy: { id: 'p_anne', name: 'Anne Jensen' },
    });
    const { state, attribution } = await stored(store, meta.id);
    expect(attribution).toHaveLength(1);
    const read = await whoWrote(state, attribution);
    expect(read.ranges.length).toBeGreaterThan(0);
    expect(new Set(read.ranges.map(([, kind, name, at]) => `${kind}|${name}|${at}`))).toEqual(
      new Set(['template|Skabelon|2026-11-26T10:00:00.000Z']),
    );
    expect(read.contributors).toEqual([['template', 'Skabelon', expect.any(Number)]]);
  });

  it('is nobody’s when it holds no text (the blank template’s empty paragraph)', async () => {
    const store = new MemoryDocumentStore();
    const documents = createDocumentService({ store, metadata: new MemoryMetadataStore(), now: () => new Date(CREATED) });
    const meta = await documents.create({ title: 'Tom', template: 'blank', createdBy: { id: 'p_anne', name: 'Anne Jensen' } });
    expect((await stored(store, meta.id)).attribution).toEqual([]);
  });

  it('stamps exactly the clocks of the update it is given (every client from 0)', () => {
    const body = encodeBody({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hej' }] }] });
    const table = AuthorshipTable.fromStored([creationStamp(body, new Date(CREATED))]);
    const [client, clock] = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(body))][0]!;
    expect(table.ranges()).toEqual([{ client, from: 0, to: clock, by: 'template', at: CREATED, last: CREATED }]);
  });
});

describe('a history reset', () => {
  it('keeps who wrote each part of the text (template, people, formatting and line breaks), their times and the timeline', async () => {
    const store = new MemoryDocumentStore();
    const metadata = new MemoryMetadataStore();
    let now = CREATED;
    const documents = createDocumentService({ store, metadata, now: () => new Date(now) });
    const meta = await documents.create({ title: 'Plan', template: 'blank', createdBy: { id: 'p_anne', name: 'Anne Jensen' } });
    const id = meta.id;
    const anneAt = CREATED + 60_000;
    const boAt = CREATED + 3 * 3_600_000;
    // Anne writes a paragraph with bold text and a line break; Bo adds one and deletes a word of Anne's.
    let state = (await stored(store, id)).state;
    const anne = edit(
      state,
      (doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text, new Y.XmlElement('hardBreak'), new Y.XmlText('anden linje')]);
        doc.getXmlFragment(BODY_FRAGMENT).insert(doc.getXmlFragment(BODY_FRAGMENT).length, [paragraph]);
        text.insert(0, 'Vi mødes ');
        text.insert(9, 'torsdag', { bold: true });
        text.insert(16, ' kl. 18 og spiser.');
      },
      personAuthor('p_anne'),
      anneAt,
    );
    await store.append(id, anne.update, anne.stamp);
    state = (await stored(store, id)).state;
    const bo = edit(
      state,
      (doc) => {
        const fragment = doc.getXmlFragment(BODY_FRAGMENT);
        const first = (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
        first.delete(first.length - ' og spiser.'.length, ' og spiser'.length);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Alle er velkomne.')]);
        fragment.insert(fragment.length, [paragraph]);
      },
      personAuthor('p_bo'),
      boAt,
    );
    await store.append(id, bo.update, bo.stamp);
    const before = await stored(store, id);
    const read = await whoWrote(before.state, before.attribution);

    now = CREATED + 24 * 3_600_000;
    await documents.resetHistory(id);
    const after = await stored(store, id);
    // A new history: one snapshot, none of the old items …
    expect((await store.load(id))!).toHaveLength(1);
    const oldClients = new Set([...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(before.state)).keys()]);
    for (const client of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(after.state)).keys()) expect(oldClients.has(client)).toBe(false);
    // … and the same authors for the same text, with the same times and the same timeline.
    const again = await whoWrote(after.state, after.attribution);
    expect(again).toEqual(read);
    expect(again.ranges).toEqual(
      [
        ['Vi mødes ', 'person', 'Anne Jensen', new Date(anneAt).toISOString()],
        ['torsdag', 'person', 'Anne Jensen', new Date(anneAt).toISOString()],
        [' kl. 18.⏎anden linje', 'person', 'Anne Jensen', new Date(anneAt).toISOString()],
        ['Alle er velkomne.', 'person', 'Bo Hansen', new Date(boAt).toISOString()],
      ].reduce<(string | null)[][]>((joined, range) => {
        // Adjacent runs of one author are one range.
        const last = joined[joined.length - 1];
        if (last && last[1] === range[1] && last[2] === range[2]) last[0] = `${last[0]}${range[0]}`;
        else joined.push([...range]);
        return joined;
      }, []),
    );
    expect(again.contributors).toEqual([
      ['person', 'Anne Jensen', 'Vi mødes torsdag kl. 18.'.length + 1 + 'anden linje'.length],
      ['person', 'Bo Hansen', 'Alle er velkomne.'.length],
    ]);
  });

  it('carries nothing when nothing of the body was attributed (text from before attribution stays unknown)', () => {
    const old = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('gammel tekst')]);
    old.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
    const update = Y.encodeStateAsUpdate(old);
    expect(carryAttribution([update], [], freshBody([update]), bodySchema())).toBeNull();
  });
});

/**
 * The body watch (server/mentions/createBodyWatch.ts) over a real Yjs body and the real notification
 * service: a mention node tells its person once, when it first appears, not on later edits, not
 * after a restart of the watch, and never for the server's own writes. `flush()` stands for the delay.
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { createBodyWatch } from '../../../server/mentions/createBodyWatch';
import { documentMeta, notificationWorld } from '../notifications/notificationFixture';

const schema = getSchema(bodyExtensions());

/** Appends a paragraph (with a mention of `personId` when given) as an editor's edit would. */
function addParagraph(doc: Y.Doc, words: string, personId?: string): void {
  const content: JSONContent[] = [{ type: 'text', text: words }];
  if (personId) content.push({ type: 'mention', attrs: { id: personId, label: personId } });
  const scratch = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content }] }, scratch.getXmlFragment(BODY_FRAGMENT));
  const paragraph = scratch.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  doc.getXmlFragment(BODY_FRAGMENT).push([paragraph.clone()]);
}

function setUp() {
  const w = notificationWorld();
  w.documents.set(
    'd1',
    documentMeta('d1', {
      grants: [
        { subject: 'person', personId: 'p_owner', role: 'owner' },
        { subject: 'person', personId: 'p_editor', role: 'editor' },
        { subject: 'person', personId: 'p_ida', role: 'commenter' },
        { subject: 'person', personId: 'p_bo', role: 'viewer' },
      ],
    }),
  );
  for (const id of ['p_owner', 'p_editor', 'p_ida', 'p_bo', 'p_stranger']) w.person(id);
  const doc = new Y.Doc();
  const edited: [string, readonly string[]][] = [];
  const reads = { count: 0 };
  const watch = () =>
    createBodyWatch({
      // Far beyond any test: only flush() looks.
      delayMs: 3_600_000,
      readState: async () => {
        reads.count += 1;
        return Y.encodeStateAsUpdate(doc);
      },
      apiKeyName: async (keyId) => (keyId === 'k_intra' ? 'Intranettet' : null),
      notify: (event) => w.service.notify(event),
      comments: {
        passagesEdited: async (documentId, editors) => {
          edited.push([documentId, editors]);
          return 0;
        },
      },
      logger: { error: (obj) => expect.unreachable(JSON.stringify(obj)) },
    });
  return { w, doc, edited, watch, reads };
}

describe('the body watch', () => {
  it('tells a mentioned person once, when the mention first appears; later edits tell nobody again', async () => {
    const { w, doc, edited, watch } = setUp();
    const body = watch();
    addParagraph(doc, 'Hej ', 'p_ida');
    body.stored('d1', 'person:p_editor');
    body.stored('d1', 'person:p_owner');
    body.stored('d1', 'person:p_editor');
    await body.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);
    expect(edited).toEqual([['d1', ['p_editor', 'p_owner']]]);

    addParagraph(doc, 'Mere tekst');
    body.stored('d1', 'person:p_editor');
    await body.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);

    // A second mention of her is a new mention; Bo's is his first; the stranger cannot read the document.
    addParagraph(doc, 'Og ', 'p_ida');
    addParagraph(doc, 'Også ', 'p_bo');
    addParagraph(doc, 'Hvem? ', 'p_stranger');
    body.stored('d1', 'person:p_owner');
    await body.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1', 'mentioned:d1']);
    expect(await w.seen('p_bo')).toEqual(['mentioned:d1']);
    expect(await w.seen('p_stranger')).toEqual([]);
    // Who mentions themselves is not told.
    expect(await w.seen('p_owner')).toEqual([]);
    const [item] = (await w.service.list(w.person('p_bo'))).items;
    expect(item?.data).toMatchObject({ mentionedIn: 'body' });
  });

  it('a restarted watch tells nobody again of mentions already told, and the server’s own writes tell nobody', async () => {
    const { w, doc, watch } = setUp();
    const first = watch();
    addParagraph(doc, 'Hej ', 'p_ida');
    first.stored('d1', 'person:p_editor');
    await first.close();
    // Stored after close: not looked at.
    first.stored('d1', 'person:p_editor');
    await first.flush();

    const second = watch();
    // A restored version brings a mention back: nobody wrote it now.
    addParagraph(doc, 'Gendannet ', 'p_bo');
    second.stored('d1', null);
    await second.flush();
    addParagraph(doc, 'Ny tekst');
    second.stored('d1', 'person:p_editor');
    await second.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);
    expect(await w.seen('p_bo')).toEqual([]);
  });

  it('reads the document only after a burst whose updates may hold a mention; passages are compared after every burst', async () => {
    const { w, doc, edited, watch, reads } = setUp();
    const body = watch();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    addParagraph(doc, 'Bare tekst');
    body.stored('d1', 'person:p_editor', updates.at(-1));
    await body.flush();
    expect(reads.count).toBe(0);
    expect(edited).toEqual([['d1', ['p_editor']]]);

    addParagraph(doc, 'Hej ', 'p_ida');
    body.stored('d1', 'person:p_editor', updates.at(-1));
    addParagraph(doc, 'og mere');
    body.stored('d1', 'person:p_editor', updates.at(-1));
    await body.flush();
    expect(reads.count).toBe(1);
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);
  });

  it('mentions written with a platform token name the API key, or another platform; a guest names nobody', async () => {
    const { w, doc, edited, watch } = setUp();
    const body = watch();
    addParagraph(doc, 'Hej ', 'p_ida');
    body.stored('d1', 'key:k_intra');
    await body.flush();
    addParagraph(doc, 'Hej ', 'p_bo');
    body.stored('d1', 'platform');
    await body.flush();
    addParagraph(doc, 'Hej ', 'p_editor');
    body.stored('d1', 'key:k_gone');
    await body.flush();
    addParagraph(doc, 'Hej ', 'p_owner');
    body.stored('d1', 'guest');
    await body.flush();
    const data = async (id: string) => (await w.service.list(w.person(id))).items.map((item) => item.data);
    expect(await data('p_ida')).toEqual([expect.objectContaining({ actorName: 'Intranettet', actorVia: 'api_key', mentionedIn: 'body' })]);
    expect(await data('p_bo')).toEqual([expect.objectContaining({ actorName: '', actorVia: 'platform' })]);
    expect(await data('p_editor')).toEqual([expect.objectContaining({ actorName: '', actorVia: 'api_key' })]);
    expect((await data('p_ida'))[0]).not.toHaveProperty('actorId');
    expect(await data('p_owner')).toEqual([]);
    // Passages are compared for every named author; nobody of them is a person editor to leave out.
    expect(edited).toEqual([
      ['d1', []],
      ['d1', []],
      ['d1', []],
    ]);
  });
});

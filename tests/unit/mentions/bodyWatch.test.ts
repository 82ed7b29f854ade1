/**
 * The body watch (server/mentions/createBodyWatch.ts) over a real Yjs body and the real notification
 * service: a mention node tells its person once, when a stored update brings it, naming that
 * update's author (a person, an API key, another platform); never after a restart of the watch, for
 * the server's own writes, or for nodes another cluster node's clients wrote. `flush()` stands for
 * the delay.
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

/** Appends a paragraph (with a mention of `personId` when given) as an editor's edit would; answers the update it made. */
function addParagraph(doc: Y.Doc, words: string, personId?: string): Uint8Array {
  const content: JSONContent[] = [{ type: 'text', text: words }];
  if (personId) content.push({ type: 'mention', attrs: { id: personId, label: personId } });
  const scratch = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content }] }, scratch.getXmlFragment(BODY_FRAGMENT));
  const paragraph = scratch.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
  const before = Y.encodeStateVector(doc);
  doc.getXmlFragment(BODY_FRAGMENT).push([paragraph.clone()]);
  return Y.encodeStateAsUpdate(doc, before);
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
    body.stored('d1', 'person:p_editor', addParagraph(doc, 'Hej ', 'p_ida'));
    body.stored('d1', 'person:p_owner', addParagraph(doc, 'Mere'));
    body.stored('d1', 'person:p_editor', addParagraph(doc, 'Endnu mere'));
    await body.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);
    expect(edited).toEqual([['d1', ['p_editor', 'p_owner']]]);
    const [item] = (await w.service.list(w.person('p_ida'))).items;
    expect(item?.data).toMatchObject({ mentionedIn: 'body', actorId: 'p_editor' });

    body.stored('d1', 'person:p_editor', addParagraph(doc, 'Mere tekst'));
    await body.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);

    // A second mention of her is a new mention; Bo's is his first; the stranger cannot read the document.
    body.stored('d1', 'person:p_owner', addParagraph(doc, 'Og ', 'p_ida'));
    body.stored('d1', 'person:p_owner', addParagraph(doc, 'Også ', 'p_bo'));
    body.stored('d1', 'person:p_owner', addParagraph(doc, 'Hvem? ', 'p_stranger'));
    await body.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1', 'mentioned:d1']);
    expect(await w.seen('p_bo')).toEqual(['mentioned:d1']);
    expect(await w.seen('p_stranger')).toEqual([]);
    // Who mentions themselves is not told.
    body.stored('d1', 'person:p_owner', addParagraph(doc, 'Mig ', 'p_owner'));
    await body.flush();
    expect(await w.seen('p_owner')).toEqual([]);
  });

  it('tells only of nodes its own stored updates brought: not after a restart, not of the server’s writes', async () => {
    const { w, doc, watch } = setUp();
    const first = watch();
    first.stored('d1', 'person:p_editor', addParagraph(doc, 'Hej ', 'p_ida'));
    await first.close();
    // Stored after close: not looked at.
    first.stored('d1', 'person:p_editor', addParagraph(doc, 'Hej ', 'p_owner'));
    await first.flush();

    const second = watch();
    // A restored version brings a mention back: nobody wrote it now.
    second.stored('d1', null, addParagraph(doc, 'Gendannet ', 'p_bo'));
    await second.flush();
    // A new mention after the restart tells its person only: not Ida again, not Bo, not the owner's from before.
    second.stored('d1', 'person:p_editor', addParagraph(doc, 'Ny ', 'p_stranger'));
    second.stored('d1', 'person:p_owner', addParagraph(doc, 'Ny ', 'p_editor'));
    await second.flush();
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);
    expect(await w.seen('p_bo')).toEqual([]);
    expect(await w.seen('p_owner')).toEqual([]);
    expect(await w.seen('p_editor')).toEqual(['mentioned:d1']);
  });

  it('on two nodes, each tells of what its own clients wrote, naming them, whichever looks first', async () => {
    const { w, doc, watch } = setUp();
    const nodeA = watch();
    const nodeB = watch();
    // Both nodes' rooms hold the same body (the cluster relays every edit); each stored its own clients' edits.
    nodeB.stored('d1', 'person:p_owner', addParagraph(doc, 'Fra B ', 'p_ida'));
    nodeA.stored('d1', 'person:p_editor', addParagraph(doc, 'Fra A ', 'p_bo'));
    await nodeA.flush();
    expect(await w.seen('p_ida')).toEqual([]);
    expect((await w.service.list(w.person('p_bo'))).items.map((item) => item.data.actorId)).toEqual(['p_editor']);
    await nodeB.flush();
    expect((await w.service.list(w.person('p_ida'))).items.map((item) => item.data.actorId)).toEqual(['p_owner']);
    expect(await w.seen('p_bo')).toEqual(['mentioned:d1']);
  });

  it('reads the document only after a burst whose updates may hold a mention; passages are compared after every burst', async () => {
    const { w, doc, edited, watch, reads } = setUp();
    const body = watch();
    body.stored('d1', 'person:p_editor', addParagraph(doc, 'Bare tekst'));
    await body.flush();
    expect(reads.count).toBe(0);
    expect(edited).toEqual([['d1', ['p_editor']]]);

    body.stored('d1', 'person:p_editor', addParagraph(doc, 'Hej ', 'p_ida'));
    body.stored('d1', 'person:p_editor', addParagraph(doc, 'og mere'));
    await body.flush();
    expect(reads.count).toBe(1);
    expect(await w.seen('p_ida')).toEqual(['mentioned:d1']);
    // The server's writes alone: nothing read, nothing compared.
    body.stored('d1', null, addParagraph(doc, 'Gendannet ', 'p_bo'));
    await body.flush();
    expect(reads.count).toBe(1);
    expect(edited).toHaveLength(2);
  });

  it('mentions written with a platform token name the API key, or another platform; a guest names nobody', async () => {
    const { w, doc, edited, watch } = setUp();
    const body = watch();
    body.stored('d1', 'key:k_intra', addParagraph(doc, 'Hej ', 'p_ida'));
    await body.flush();
    body.stored('d1', 'platform', addParagraph(doc, 'Hej ', 'p_bo'));
    await body.flush();
    body.stored('d1', 'key:k_gone', addParagraph(doc, 'Hej ', 'p_editor'));
    await body.flush();
    body.stored('d1', 'guest', addParagraph(doc, 'Hej ', 'p_owner'));
    await body.flush();
    const data = async (id: string) => (await w.service.list(w.person(id))).items.map((item) => item.data);
    expect(await data('p_ida')).toEqual([expect.objectContaining({ actorName: 'Intranettet', actorVia: 'api_key', mentionedIn: 'body' })]);
    expect(await data('p_bo')).toEqual([expect.objectContaining({ actorName: '', actorVia: 'platform' })]);
    expect(await data('p_editor')).toEqual([expect.objectContaining({ actorName: '', actorVia: 'api_key' })]);
    expect((await data('p_ida'))[0]).not.toHaveProperty('actorId');
    expect(await data('p_owner')).toEqual([]);
    // Passages are compared after each burst with someone to name; none of them is a person editor to leave out.
    expect(edited).toEqual([
      ['d1', []],
      ['d1', []],
      ['d1', []],
    ]);
  });
});

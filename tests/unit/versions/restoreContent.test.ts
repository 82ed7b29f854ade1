/**
 * createRestoreContent over a RoomRegistry (the sync core without sockets): the version's body comes
 * back as new edits, written through the live room (stored, relayed to an open editor), and the log
 * says who restored which version.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import type { DocumentVersion } from '../../../lib/versions/model';
import { withoutNullGuides } from '../../../lib/versions/withoutGuides';
import { createRestoreContent } from '../../../server/versions/restoreContent';
import { createTestRegistry, type TestRegistry } from '../../helpers/testRegistry';
import { settle } from '../../helpers/tick';
import type { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';

const schema = getSchema(bodyExtensions());
const bodyOf = (doc: Y.Doc): JSONContent =>
  withoutNullGuides(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), schema).toJSON() as JSONContent);
const paragraphs = (...texts: string[]): JSONContent => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

let current: TestRegistry<MemoryDocumentStore> | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('createRestoreContent', () => {
  it('writes the version back through the live room as new edits and logs who restored it', async () => {
    const test = createTestRegistry<MemoryDocumentStore>();
    current = test;
    const { registry, store, client, stored, logger } = test;
    // Version 1 as the version service froze it, then edits after it.
    const seed = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, paragraphs('Første udkast.', 'Andet afsnit.'), seed.getXmlFragment(BODY_FRAGMENT));
    const version: DocumentVersion = {
      documentId: 'doc',
      number: 1,
      kind: 'consultation_draft',
      title: 'Plan',
      summary: '',
      publishedAt: '2026-12-01T10:00:00.000Z',
      publishedBy: { id: 'p_moderator', name: 'Moderator' },
      closesPhase: 'draft',
      hash: 'sha256-x',
      content: { yjsState: Y.encodeStateAsUpdate(seed), body: bodyOf(seed), html: '' },
    };
    await store.append('doc', Y.encodeStateAsUpdate(seed));
    const editor = client('doc');
    await settle();
    const body = editor.doc.getXmlFragment(BODY_FRAGMENT);
    ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Ændret: ');
    body.delete(1, 1);
    await settle();
    expect(bodyOf(editor.doc)).toEqual(paragraphs('Ændret: Første udkast.'));

    const restore = createRestoreContent({
      readDocumentState: (id) => registry.readState(id),
      applyServerUpdate: (id, update) => registry.applyServerUpdate(id, update),
      logger,
    });
    await restore('doc', version, { id: 'p_owner', name: 'Ejer' });
    await settle();

    expect(bodyOf(editor.doc)).toEqual(version.content.body);
    expect(bodyOf(await stored('doc'))).toEqual(version.content.body);
    const line = logger.lines.find((entry) => entry.msg === 'restored a version as new edits');
    expect(line?.obj).toMatchObject({ doc: 'doc', version: 1, by: 'p_owner', path: 'undo' });
  });
});

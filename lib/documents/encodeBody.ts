/** The Yjs update that holds a body built from ProseMirror JSON, through the editor's schema. */
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../protocol';
import { bodySchema } from '../versions/bodyJsonOf';

export function encodeBody(content: JSONContent): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(bodySchema(), content, BODY_FRAGMENT);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/**
 * A seeded document's body: ProseMirror JSON made from the Danish corpus (and, for a few large
 * documents, the text of an editing trace), turned into a Yjs body exactly as the document service
 * does (the body schema, y-tiptap), with a client id from the seed so a data set is reproducible.
 */
import * as Y from 'yjs';
import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { bodyExtensions } from '../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { PLACES, SECTIONS, TITLE_FORMS, TOPICS } from './danishCorpus';
import type { Random } from './random';

let schema: Schema | undefined;
const bodySchema = (): Schema => (schema ??= getSchema(bodyExtensions()));

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const heading = (value: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] });
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] });
const bullets = (items: readonly string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

export interface DocumentDraft {
  readonly title: string;
  readonly template: 'projektforslag' | 'blank';
  readonly content: JSONContent;
}

/** A title and body for one document; `extra` paragraphs (a trace's text) make it a large one. */
export function draftDocument(random: Random, extra: readonly string[] = []): DocumentDraft {
  const place = random.pick(PLACES);
  const topic = random.pick(TOPICS);
  const fill = (value: string) => value.replaceAll('{sted}', place).replaceAll('{emne}', topic).replaceAll('{Emne}', capitalise(topic));
  const title = fill(random.pick(TITLE_FORMS));
  const project = title.startsWith('Projektforslag');
  const sections = project ? SECTIONS.slice(0, 7) : SECTIONS.filter(() => random.chance(0.6));
  // The title lives in the document's metadata only: the body starts with its text, and its
  // headings start at level 2 (the editor's levels are 2–4; the page's h1 is the title).
  const content: JSONContent[] = [];
  for (const [name, paragraphs] of sections.length > 0 ? sections : SECTIONS.slice(7)) {
    content.push(heading(name));
    const count = 1 + random.int(3);
    const chosen = Array.from({ length: count }, () => fill(random.pick(paragraphs)));
    if (count > 1 && random.chance(0.25)) content.push(bullets(chosen));
    else for (const one of chosen) content.push(paragraph(one));
  }
  for (const one of extra) content.push(paragraph(one));
  return { title, template: project ? 'projektforslag' : 'blank', content: { type: 'doc', content } };
}

/** The body as a Y.Doc written by `clientId` (the caller destroys it). */
export function bodyDoc(content: JSONContent, clientId: number): Y.Doc {
  const ydoc = new Y.Doc();
  ydoc.clientID = clientId;
  prosemirrorJSONToYXmlFragment(bodySchema(), content, ydoc.getXmlFragment(BODY_FRAGMENT));
  return ydoc;
}

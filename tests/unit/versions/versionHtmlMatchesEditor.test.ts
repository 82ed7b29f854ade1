// @vitest-environment happy-dom
/**
 * A version's HTML (renderBodyHtml, on the server) equals what the editor shows (Tiptap's getHTML
 * in a DOM) for a body using every node and mark the editor offers (lib/editor/bodyExtensions.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { bodySchema } from '../../../lib/versions/bodyJsonOf';
import { renderBodyHtml } from '../../../lib/versions/renderBodyHtml';

const text = (value: string, ...marks: NonNullable<JSONContent['marks']>): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 && { marks }),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

const EVERYTHING: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Lokalplan for Havnen')] },
    { type: 'heading', attrs: { level: 2 }, content: [text('Formål & baggrund')] },
    { type: 'heading', attrs: { level: 3 }, content: [text('Detaljer')] },
    paragraph(
      text('Almindelig, '),
      text('fed', { type: 'bold' }),
      text(', '),
      text('kursiv', { type: 'italic' }),
      text(', '),
      text('understreget', { type: 'underline' }),
      text(', '),
      text('gennemstreget', { type: 'strike' }),
      text(', '),
      text('kode', { type: 'code' }),
      text(' og '),
      text('et link', { type: 'link', attrs: { href: 'https://kommune.dk/plan?a=1&b=2' } }),
      { type: 'hardBreak' },
      text('<ny linje> "citat" æøå'),
    ),
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('punkt'))] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('tre'))] }] },
    { type: 'blockquote', content: [paragraph(text('Et citat'))] },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const a = 1 < 2;')] },
    { type: 'horizontalRule' },
    paragraph(text('Spørg '), { type: 'mention', attrs: { id: 'p_jens', label: 'Jens Ørum' } }, text(' om tallene.')),
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [paragraph(text('Område'))] },
            { type: 'tableHeader', content: [paragraph(text('Frist'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [paragraph(text('Havnen', { type: 'underline' }))] },
            { type: 'tableCell', content: [paragraph(text('15. december', { type: 'strike' }))] },
          ],
        },
      ],
    },
    {
      type: 'impactChain',
      content: ['input', 'activities', 'output', 'outcome', 'impact'].map((step) => ({
        type: 'impactStep',
        attrs: { step },
        content: [paragraph(text(`Trin ${step} & <mere>`))],
      })),
    },
    paragraph(text('Slut')),
  ],
};

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

describe('version HTML', () => {
  it('uses every node and mark of the editor schema in the fixture', () => {
    const used = new Set<string>();
    const walk = (node: JSONContent) => {
      used.add(node.type!);
      for (const mark of node.marks ?? []) used.add(mark.type);
      for (const child of node.content ?? []) walk(child);
    };
    walk(EVERYTHING);
    const schema = bodySchema();
    const offered = [...Object.keys(schema.nodes), ...Object.keys(schema.marks)];
    expect(offered.filter((name) => !used.has(name))).toEqual([]);
  });

  it('equals the editor’s own HTML', () => {
    editor = new Editor({ extensions: bodyExtensions(), content: EVERYTHING });
    // The DOM writes a style attribute back with a closing `;` (the table's min-width); nothing else differs.
    expect(renderBodyHtml(EVERYTHING)).toBe(editor.getHTML().replace(/(style="[^"]*);"/g, '$1"'));
  });

  it('renders a table with its header row as th, and underline and strike as u and s', () => {
    const html = renderBodyHtml(EVERYTHING);
    expect(html).toMatch(/<table[^>]*>.*<tr><th[^>]*><p>Område<\/p><\/th><th[^>]*><p>Frist<\/p><\/th><\/tr>/);
    expect(html).toMatch(/<td[^>]*><p><u>Havnen<\/u><\/p><\/td><td[^>]*><p><s>15\. december<\/s><\/p><\/td>/);
  });
});

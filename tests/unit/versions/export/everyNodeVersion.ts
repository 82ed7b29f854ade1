/**
 * A version whose body uses every node and mark the editor offers (lib/editor/bodyExtensions.ts),
 * with text that looks like markup and Danish letters, for the export tests.
 */
import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { bodyExtensions } from '../../../../lib/editor/bodyExtensions';
import type { DocumentVersion } from '../../../../lib/versions/model';

const text = (value: string, ...marks: (string | { type: string; attrs: Record<string, unknown> })[]): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((mark) => (typeof mark === 'string' ? { type: mark } : mark)) } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null } });

export const EVERY_NODE_BODY: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Formål med Ærø-planen')] },
    paragraph(
      text('Almindelig tekst med '),
      text('fed', 'bold'),
      text(', '),
      text('kursiv', 'italic'),
      text(', '),
      text('understreget', 'underline'),
      text(', '),
      text('gennemstreget', 'strike'),
      text(', '),
      text('kode()', 'code'),
      text(' og '),
      text('et link', link('https://example.dk/høring?a=1&b=2')),
      text('.'),
    ),
    paragraph(text('Første linje'), { type: 'hardBreak' }, text('anden linje efter et linjeskift')),
    paragraph(
      text('Spørg '),
      { type: 'mention', attrs: { id: 'p_jens', label: 'Jens Ørum', mentionSuggestionChar: '@' } },
      text(' om tallene.'),
    ),
    paragraph(text('Ligner markup: *ikke fed* _ikke kursiv_ [ikke](link) <b>ikke html</b> # ikke overskrift & 1. ikke liste')),
    { type: 'heading', attrs: { level: 3 }, content: [text('Tiltag')] },
    {
      type: 'bulletList',
      content: [
        item(paragraph(text('Punkt et'))),
        item(paragraph(text('Punkt to med underpunkter')), {
          type: 'orderedList',
          attrs: { start: 3, type: null },
          content: [item(paragraph(text('Underpunkt tre'))), item(paragraph(text('Underpunkt fire')))],
        }),
      ],
    },
    { type: 'heading', attrs: { level: 4 }, content: [text('Citat og kode')] },
    { type: 'blockquote', content: [paragraph(text('Et citat fra høringssvaret.'))] },
    { type: 'codeBlock', attrs: { language: 'text' }, content: [text('linje 1\n  indrykket linje 2')] },
    { type: 'horizontalRule' },
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [item(paragraph(text('Sidste punkt, fed', 'bold', 'italic')))],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('Område'))] },
            { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('Frist | dato'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('Ærø Nord', 'underline'))] },
            { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('15. december', 'strike'))] },
          ],
        },
      ],
    },
  ],
};

/** The body's words in reading order, as the exports must keep them. */
export const EVERY_NODE_WORDS = [
  'Formål med Ærø-planen',
  'Almindelig tekst med',
  'fed',
  'kursiv',
  'understreget',
  'gennemstreget',
  'kode()',
  'et link',
  'Første linje',
  'anden linje efter et linjeskift',
  'Spørg',
  '@Jens Ørum',
  'om tallene.',
  'Ligner markup',
  'Tiltag',
  'Punkt et',
  'Punkt to med underpunkter',
  'Underpunkt tre',
  'Underpunkt fire',
  'Citat og kode',
  'Et citat fra høringssvaret.',
  'linje 1',
  'indrykket linje 2',
  'Sidste punkt, fed',
  'Område',
  'Frist | dato',
  'Ærø Nord',
  '15. december',
];

export function everyNodeVersion(overrides: Partial<DocumentVersion> = {}): DocumentVersion {
  const html = renderToHTMLString({ content: EVERY_NODE_BODY, extensions: bodyExtensions() });
  return {
    documentId: 'doc-1',
    number: 3,
    kind: 'published',
    title: 'Lokalplan for Ærø: høring & svar',
    summary: 'Afsnit 2 er skrevet om efter høringen.\nNye datoer.',
    publishedAt: '2026-12-07T13:05:09.000Z',
    publishedBy: { id: 'p-1', name: 'Anne Østergård' },
    closesPhase: 'consultation',
    hash: 'sha256-00',
    content: { yjsState: new Uint8Array(), body: EVERY_NODE_BODY, html },
    ...overrides,
  };
}

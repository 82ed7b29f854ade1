import type { JSONContent } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { bodyExtensions } from '../../../../lib/editor/bodyExtensions';
import { bodyToMarkdown } from '../../../../lib/versions/export/bodyToMarkdown';
import { renderVersionMarkdown } from '../../../../lib/versions/export/renderVersionMarkdown';
import { EVERY_NODE_BODY, everyNodeVersion } from './everyNodeVersion';

const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string, ...marks: string[]): JSONContent => ({ type: 'text', text: value, marks: marks.map((type) => ({ type })) });

function typesIn(node: JSONContent, nodes = new Set<string>(), marks = new Set<string>()) {
  if (node.type) nodes.add(node.type);
  for (const mark of node.marks ?? []) marks.add(mark.type);
  for (const child of node.content ?? []) typesIn(child, nodes, marks);
  return { nodes, marks };
}

describe('the test body', () => {
  it('uses every node and mark of the editor schema', () => {
    const schema = getSchema(bodyExtensions());
    const used = typesIn(EVERY_NODE_BODY);
    // The toolbox's impact chain has its own export tests (tests/unit/toolbox/impactChain.test.ts).
    for (const covered of ['impactChain', 'impactStep']) used.nodes.add(covered);
    expect([...Object.keys(schema.nodes)].filter((name) => !used.nodes.has(name))).toEqual([]);
    expect([...Object.keys(schema.marks)].filter((name) => !used.marks.has(name))).toEqual([]);
  });
});

describe('renderVersionMarkdown', () => {
  it('writes the title, the version line, the summary and the body with every node and mark', () => {
    expect(renderVersionMarkdown(everyNodeVersion())).toBe(
      [
        '# Lokalplan for Ærø: høring & svar',
        '',
        'Version 3, udgivet 7. december 2026 kl. 14.05 af Anne Østergård',
        '',
        '**Hvad er ændret:**',
        '',
        'Afsnit 2 er skrevet om efter høringen.\\',
        'Nye datoer.',
        '',
        '---',
        '',
        '## Formål med Ærø-planen',
        '',
        'Almindelig tekst med **fed**, *kursiv*, <u>understreget</u>, ~~gennemstreget~~, `kode()` og [et link](<https://example.dk/høring?a=1&b=2>).',
        '',
        'Første linje\\',
        'anden linje efter et linjeskift',
        '',
        'Spørg @Jens Ørum om tallene.',
        '',
        'Ligner markup: \\*ikke fed\\* \\_ikke kursiv\\_ \\[ikke\\](link) \\<b>ikke html\\</b> \\# ikke overskrift & 1. ikke liste',
        '',
        '### Tiltag',
        '',
        '- Punkt et',
        '- Punkt to med underpunkter',
        '',
        // A list starting at 3 cannot interrupt a paragraph in CommonMark: hence the blank line.
        '  3. Underpunkt tre',
        '  4. Underpunkt fire',
        '',
        '#### Citat og kode',
        '',
        '> Et citat fra høringssvaret.',
        '',
        '```text',
        'linje 1',
        '  indrykket linje 2',
        '```',
        '',
        '---',
        '',
        '1. ***Sidste punkt, fed***',
        '',
        // A GFM table: the header row, then the rows; the pipe in a cell is escaped.
        '| Område | Frist \\| dato |',
        '| --- | --- |',
        '| <u>Ærø Nord</u> | ~~15. december~~ |',
        '',
      ].join('\n'),
    );
  });

  it('names a consultation draft as such and leaves out an empty summary', () => {
    const md = renderVersionMarkdown(everyNodeVersion({ kind: 'consultation_draft', number: 1, summary: '  ' }));
    expect(md).toContain('Version 1, høringsudkast sendt i høring 7. december 2026 kl. 14.05 af Anne Østergård');
    expect(md).not.toContain('Hvad er ændret');
  });

  it('writes the labels in English on request', () => {
    expect(renderVersionMarkdown(everyNodeVersion(), 'en')).toContain('Version 3, published 7 December 2026 at 14:05 by Anne Østergård');
  });
});

describe('bodyToMarkdown: text stays text', () => {
  it('escapes what would start a block at the start of a line', () => {
    const starts = ['# x', '> x', '- x', '+ x', '1. x', '2) x', '=== x', '--- x', '    four spaces'];
    expect(bodyToMarkdown(doc(...starts.map((s) => p(text(s)))))).toBe(
      ['\\# x', '\\> x', '\\- x', '\\+ x', '1\\. x', '2\\) x', '\\=== x', '\\--- x', '&#32;&#32;&#32;&#32;four spaces'].join('\n\n') + '\n',
    );
  });

  it('escapes an entity but leaves a lone & and ordinary punctuation alone', () => {
    expect(bodyToMarkdown(doc(p(text('Ja! Se (bilag) & noter: &amp; &#230; a > b'))))).toBe(
      'Ja! Se (bilag) & noter: \\&amp; \\&\\#230; a > b\n',
    );
  });

  it('escapes the line after a hard break too', () => {
    expect(bodyToMarkdown(doc(p(text('a'), { type: 'hardBreak' }, text('# b'))))).toBe('a\\\n\\# b\n');
  });

  it('keeps whitespace outside the delimiters and nests marks', () => {
    expect(bodyToMarkdown(doc(p(text('a'), text(' fed ', 'bold'), text('b'))))).toBe('a **fed** b\n');
    expect(bodyToMarkdown(doc(p(text('fed ', 'bold'), text('og kursiv', 'bold', 'italic'), text(' slut'))))).toBe(
      '**fed *og kursiv*** slut\n',
    );
  });

  it('fences code spans and code blocks longer than the backticks inside them', () => {
    expect(bodyToMarkdown(doc(p(text('a `b` c', 'code'))))).toBe('``a `b` c``\n');
    const block = { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'x\n```\ny' }] };
    expect(bodyToMarkdown(doc(block))).toBe('````\nx\n```\ny\n````\n');
  });

  it('drops links with a dangerous scheme but keeps their text', () => {
    const evil = { type: 'text', text: 'klik', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] };
    const mail = { type: 'text', text: 'skriv', marks: [{ type: 'link', attrs: { href: 'mailto:a@b.dk' } }] };
    expect(bodyToMarkdown(doc(p(evil, text(' eller '), mail)))).toBe('klik eller [skriv](<mailto:a@b.dk>)\n');
  });

  it('keeps two lists in a row apart, and numbers from the start', () => {
    const list = (type: string, attrs: Record<string, unknown>, ...items: string[]): JSONContent => ({
      type,
      attrs,
      content: items.map((item) => ({ type: 'listItem', content: [p(text(item))] })),
    });
    expect(bodyToMarkdown(doc(list('bulletList', {}, 'a'), list('bulletList', {}, 'b'), list('orderedList', { start: 7 }, 'c', 'd')))).toBe(
      '- a\n\n* b\n\n7. c\n8. d\n',
    );
    expect(bodyToMarkdown(doc(list('orderedList', { start: 1 }, 'a'), list('orderedList', { start: 1 }, 'b')))).toBe('1. a\n\n1) b\n');
  });

  it('writes a list item with two paragraphs as a loose list, indented under its marker', () => {
    const item = { type: 'listItem', content: [p(text('første')), p(text('anden'))] };
    expect(bodyToMarkdown(doc({ type: 'orderedList', attrs: { start: 10 }, content: [item, item] }))).toBe(
      '10. første\n\n    anden\n\n11. første\n\n    anden\n',
    );
  });

  it('quotes every line of a blockquote, lists inside it too', () => {
    const quote = {
      type: 'blockquote',
      content: [p(text('a')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('b'))] }] }],
    };
    expect(bodyToMarkdown(doc(quote))).toBe('> a\n>\n> - b\n');
  });
});

describe('bodyToMarkdown: tables', () => {
  const cell = (type: 'tableHeader' | 'tableCell', ...content: JSONContent[]): JSONContent => ({ type, content });
  const row = (...content: JSONContent[]): JSONContent => ({ type: 'tableRow', content });

  it('writes a GFM table, a cell’s paragraphs joined by <br>, pipes escaped also in code', () => {
    const table: JSONContent = {
      type: 'table',
      content: [
        row(cell('tableHeader', p(text('Navn'))), cell('tableHeader', p(text('Note')))),
        row(cell('tableCell', p(text('a|b', 'code'))), cell('tableCell', p(text('første')), p(text('anden', 'strike')))),
      ],
    };
    expect(bodyToMarkdown(doc(table))).toBe('| Navn | Note |\n| --- | --- |\n| `a\\|b` | første<br>~~anden~~ |\n');
  });

  it('gives a table without a header row an empty one (GFM needs one) and pads short rows', () => {
    const table: JSONContent = {
      type: 'table',
      content: [row(cell('tableCell', p(text('1'))), cell('tableCell', p(text('2')))), row(cell('tableCell', p(text('3'))))],
    };
    expect(bodyToMarkdown(doc(table))).toBe('|  |  |\n| --- | --- |\n| 1 | 2 |\n| 3 |  |\n');
  });
});

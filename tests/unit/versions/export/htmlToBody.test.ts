import { describe, expect, it } from 'vitest';
import type { ConsultationReport } from '../../../../lib/comments/report/buildConsultationReport';
import { renderReportHtml } from '../../../../lib/comments/report/renderReportHtml';
import { decodeEntities, htmlTitle, htmlToBody } from '../../../../lib/versions/export/htmlToBody';
import { renderHtmlDocx } from '../../../../lib/versions/export/renderHtmlDocx';
import { docxParagraphs, docxParts } from './docxXml';
import { EVERY_NODE_BODY, everyNodeVersion } from './everyNodeVersion';

/** The body without the attributes the editor adds to links and lists that HTML does not carry back. */
function comparable(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node), (key, value: unknown) => {
    if (key === 'attrs' && value && typeof value === 'object') {
      const { href, level, start, language } = value as Record<string, unknown>;
      const kept = Object.fromEntries(
        Object.entries({ href, level, start: start === 1 ? undefined : start, language: language ?? undefined }).filter(
          ([, v]) => v !== undefined,
        ),
      );
      return Object.keys(kept).length > 0 ? kept : undefined;
    }
    if (key === 'marks' && Array.isArray(value)) return [...(value as { type: string }[])].sort((a, b) => a.type.localeCompare(b.type));
    return value;
  });
}

describe('htmlToBody', () => {
  it('reads the editor’s own HTML back into the same body (every node and mark)', () => {
    const html = everyNodeVersion().content.html;
    expect(comparable(htmlToBody(html))).toEqual(comparable(EVERY_NODE_BODY));
  });

  it('looks through containers, decodes entities, collapses whitespace and makes terms bold', () => {
    const body = htmlToBody(
      '<!doctype html><html lang="da"><head><title>T &amp; U</title><style>p{}</style></head><body><main><section>' +
        '<h1>Overskrift</h1>\n<p class="meta">Linje 1<br>\n   Linje  2</p><dl><dt>Kommentarer</dt><dd>5</dd></dl>' +
        '<article><h4>Fra &lt;Bo&gt;</h4><blockquote><p>Citat &#230;&#xF8;</p></blockquote></article></section></main></body></html>',
    );
    expect(body.content).toEqual([
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Overskrift' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Linje 1' }, { type: 'hardBreak' }, { type: 'text', text: 'Linje 2' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Kommentarer', marks: [{ type: 'bold' }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: '5' }] },
      { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Fra <Bo>' }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Citat æø' }] }] },
    ]);
    expect(htmlTitle('<head><title>\n T &amp; U </title></head>')).toBe('T & U');
    expect(decodeEntities('&#0; &bogus; &#x1F600;')).toBe('&#0; &bogus; 😀');
  });
});

const report: ConsultationReport = {
  documentId: 'doc-1',
  title: 'Lokalplan for Ærø',
  generatedAt: '2027-03-16T09:00:00.000Z',
  opensAt: '2027-03-01T08:00:00.000Z',
  closesAt: '2027-03-15T22:00:00.000Z',
  totals: { comments: 1, suggestions: 0, replies: 0, supports: 2, answered: 1, hidden: 0, withdrawn: 0 },
  hiddenByGround: { offensive: 0, personal_data: 0, spam: 0, off_topic: 0, other: 0 },
  organisations: [{ name: 'Ærø Naturforening', items: 1 }],
  consulted: [{ id: 'o1', name: 'Ærø Naturforening', responded: true, items: 1 }],
  version: null,
  groups: [
    {
      kind: 'passage',
      text: 'Stien langs stranden',
      section: 'Stier',
      items: [
        {
          kind: 'comment',
          author: 'Bo Ærbøe',
          organisation: 'Ærø Naturforening',
          createdAt: '2027-03-02T10:00:00.000Z',
          quote: 'Stien langs stranden',
          text: 'Stien skal *bevares* <b>nu</b>.',
          supportCount: 2,
          resolved: false,
          replies: [],
          answer: { status: 'taken_into_account', text: 'Stien bevares.', by: 'Kommunen', at: '2027-03-16T08:00:00.000Z' },
        },
      ],
    },
  ],
} as unknown as ConsultationReport;

describe('the høringsnotat as DOCX', () => {
  it('has the page’s headings as Word headings and its text in order, the same bytes each time', async () => {
    const html = renderReportHtml(report, 'da');
    const options = { creator: 'Samskriv', language: 'da-DK', modifiedAt: report.generatedAt };
    const bytes = await renderHtmlDocx(html, options);
    const parts = docxParts(bytes);
    const paragraphs = docxParagraphs(parts['word/document.xml']!);
    const headings = paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.style);
    expect(headings[0]).toBe('Heading1');
    expect(headings.filter((style) => style === 'Heading1')).toHaveLength(1);
    expect(headings).toContain('Heading2');
    expect(headings).toContain('Heading4');
    const text = paragraphs.map((p) => p.text).join('\n');
    for (const [earlier, later] of [
      ['Lokalplan for Ærø', 'Ærø Naturforening'],
      ['Stien langs stranden', 'Stien skal *bevares* <b>nu</b>.'],
      ['Stien skal *bevares* <b>nu</b>.', 'Stien bevares.'],
    ] as const) {
      expect(text.indexOf(earlier), earlier).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(later, text.indexOf(earlier)), later).toBeGreaterThan(text.indexOf(earlier));
    }
    expect(paragraphs.find((p) => p.text === 'Stien langs stranden')?.style).toBe('Quote');
    expect(parts['docProps/core.xml']).toContain(`<dc:title>${htmlTitle(html)!.replace(/&/g, '&amp;')}</dc:title>`);
    expect(Buffer.from(await renderHtmlDocx(html, options)).equals(Buffer.from(bytes))).toBe(true);
  });
});

import type { JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderVersionDocx } from '../../../../lib/versions/export/renderVersionDocx';
import { docxNumbering, docxParagraphs, docxParts } from './docxXml';
import { EVERY_NODE_WORDS, everyNodeVersion } from './everyNodeVersion';

afterEach(() => {
  vi.useRealTimers();
});

describe('renderVersionDocx', () => {
  it('keeps every word in order, in paragraphs with Word heading styles, real lists, the link and the marks', async () => {
    const parts = docxParts(await renderVersionDocx(everyNodeVersion()));
    const paragraphs = docxParagraphs(parts['word/document.xml']!);
    const all = paragraphs.map((p) => p.text).join('\n');
    let from = 0;
    for (const word of EVERY_NODE_WORDS) {
      const at = all.indexOf(word, from);
      expect(at, word).toBeGreaterThanOrEqual(0);
      from = at + word.length;
    }

    // One Heading 1 (the title), the body's headings one level down.
    expect(paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style} ${p.text}`)).toEqual([
      'Heading1 Lokalplan for Ærø: høring & svar',
      'Heading2 Formål med Ærø-planen',
      'Heading3 Tiltag',
      'Heading4 Citat og kode',
    ]);
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading2">[^]*?<w:outlineLvl w:val="1"\/>/);

    // Lists: the bullets at level 0, the nested ordered list at level 1 starting at 3, a separate list at the end.
    const byText = (text: string) => paragraphs.find((p) => p.text === text)!;
    const numbering = docxNumbering(parts['word/numbering.xml']!);
    const one = byText('Punkt et').numbering!;
    const two = byText('Punkt to med underpunkter').numbering!;
    const three = byText('Underpunkt tre').numbering!;
    const four = byText('Underpunkt fire').numbering!;
    const last = byText('Sidste punkt, fed').numbering!;
    expect([one.level, two.level, three.level, four.level, last.level]).toEqual([0, 0, 1, 1, 0]);
    expect(two.numId).toBe(one.numId);
    expect(four.numId).toBe(three.numId);
    expect(numbering.get(one.numId)![0]!.format).toBe('bullet');
    expect(numbering.get(three.numId)![1]).toMatchObject({ format: 'decimal', start: 3, text: '%2.' });
    expect(numbering.get(last.numId)![0]).toMatchObject({ format: 'decimal', start: 1 });
    expect(new Set([one.numId, three.numId, last.numId]).size).toBe(3);

    // The link: a hyperlink whose relationship points at the address.
    const withLink = paragraphs.find((p) => p.xml.includes('<w:hyperlink'))!;
    const rid = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>[^]*?<w:t[^>]*>et link<\/w:t>/.exec(withLink.xml)?.[1];
    expect(rid).toBeDefined();
    expect(parts['word/_rels/document.xml.rels']).toMatch(
      new RegExp(`Id="${rid}" Type="[^"]+/hyperlink" Target="https://example.dk/høring\\?a=1&amp;b=2" TargetMode="External"`),
    );

    // Marks on the runs that carry them.
    const run = (text: string) =>
      new RegExp(`<w:r><w:rPr>([^]*?)</w:rPr><w:t[^>]*>${text.replace(/[()]/g, '\\$&')}</w:t></w:r>`).exec(withLink.xml)?.[1];
    expect(run('fed')).toContain('<w:b/>');
    expect(run('kursiv')).toContain('<w:i/>');
    expect(run('understreget')).toContain('<w:u w:val="single"/>');
    expect(run('gennemstreget')).toContain('<w:strike/>');
    expect(run('kode()')).toContain('<w:rStyle w:val="HTMLCode"/>');

    // Hard break, quote, code block (lines kept), horizontal rule.
    expect(byText('Første linje\nanden linje efter et linjeskift')).toBeDefined();
    expect(byText('Et citat fra høringssvaret.').style).toBe('Quote');
    expect(byText('linje 1\n  indrykket linje 2').style).toBe('HTMLPreformatted');
    expect(paragraphs.some((p) => p.xml.includes('<w:pBdr><w:bottom w:val="single"'))).toBe(true);
    // Text that looks like markup is text.
    expect(all).toContain('<b>ikke html</b> # ikke overskrift & 1. ikke liste');

    // The table: a Word table whose first row is its header row, the cells' marks kept.
    const table = /<w:tbl>[^]*?<\/w:tbl>/.exec(parts['word/document.xml']!)?.[0] ?? '';
    const rows = [...table.matchAll(/<w:tr>[^]*?<\/w:tr>/g)].map(([row]) => row);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(docxParagraphs(rows[0]!).map((p) => p.text)).toEqual(['Område', 'Frist | dato']);
    const cells = docxParagraphs(rows[1]!);
    expect(cells.map((p) => p.text)).toEqual(['Ærø Nord', '15. december']);
    expect(cells[0]!.xml).toContain('<w:u w:val="single"/>');
    expect(cells[1]!.xml).toContain('<w:strike/>');
  });

  it('has the title, author, description and language as properties, and the publishing time', async () => {
    const parts = docxParts(await renderVersionDocx(everyNodeVersion()));
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Lokalplan for Ærø: høring &amp; svar (version 3)</dc:title>');
    expect(core).toContain('<dc:creator>Anne Østergård</dc:creator>');
    expect(core).toContain('<dc:description>Lokalplan for Ærø: høring &amp; svar, version 3 (7. december 2026 kl. 14.05)</dc:description>');
    expect(core).toContain('<dc:language>da-DK</dc:language>');
    expect(core).toMatch(/<dcterms:created [^>]*>2026-12-07T13:05:09Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-12-07T13:05:09Z<\/dcterms:modified>/);
    expect(parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>[^]*<w:lang w:val="da-DK"\/>/);
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
  });

  it('gives the same bytes for the same version, at another time and in another time zone', async () => {
    const zone = process.env.TZ;
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2027-01-01T08:00:00Z'));
      process.env.TZ = 'UTC';
      const first = await renderVersionDocx(everyNodeVersion());
      vi.setSystemTime(new Date('2027-06-30T17:31:17Z'));
      process.env.TZ = 'America/New_York';
      const second = await renderVersionDocx(everyNodeVersion());
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      // And the check can fail: another publishing time gives other bytes.
      const other = await renderVersionDocx(everyNodeVersion({ publishedAt: '2026-12-08T10:00:00.000Z' }));
      expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps a second paragraph in a list item under its number, and drops a javascript: link but not its text', async () => {
    const body: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          attrs: { start: 5 },
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'punkt' }] },
                { type: 'paragraph', content: [{ type: 'text', text: 'mere' }] },
              ],
            },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'klik', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      ],
    };
    const parts = docxParts(await renderVersionDocx(everyNodeVersion({ content: { yjsState: new Uint8Array(), body, html: '' } })));
    const paragraphs = docxParagraphs(parts['word/document.xml']!);
    const more = paragraphs.find((p) => p.text === 'mere')!;
    expect(more.numbering).toBeNull();
    expect(more.xml).toContain('<w:ind w:left="720"/>');
    expect(paragraphs.find((p) => p.text === 'klik')!.xml).not.toContain('hyperlink');
    expect(parts['word/_rels/document.xml.rels']).not.toContain('javascript');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderVersionHtmlFile } from '../../../../lib/versions/export/renderVersionHtmlFile';
import { EVERY_NODE_WORDS, everyNodeVersion } from './everyNodeVersion';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Whether `words` occur in `text` in this order. */
function inOrder(text: string, words: readonly string[]): string[] {
  let from = 0;
  const missing: string[] = [];
  for (const word of words) {
    const at = text.indexOf(word, from);
    if (at < 0) missing.push(word);
    else from = at + word.length;
  }
  return missing;
}

describe('renderVersionHtmlFile', () => {
  const version = everyNodeVersion();
  const html = renderVersionHtmlFile(version);
  const doc = parse(html);

  it('is a standalone HTML5 document in Danish with a title, a charset and a description', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
    expect(doc.documentElement.getAttribute('lang')).toBe('da');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.title).toBe('Lokalplan for Ærø: høring & svar (version 3)');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Lokalplan for Ærø: høring & svar, version 3 (7. december 2026 kl. 14.05)',
    );
    expect(doc.querySelector('style')?.textContent).toContain('@page');
    expect(doc.querySelector('style')?.textContent).toContain("'DejaVu Sans'");
    // Loads and runs nothing.
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(doc.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
  });

  it('has exactly one h1, the title, and the body headings one level down in order', () => {
    const headings = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName.toLowerCase()} ${h.textContent}`);
    expect(headings).toEqual(['h1 Lokalplan for Ærø: høring & svar', 'h2 Formål med Ærø-planen', 'h3 Tiltag', 'h4 Citat og kode']);
    expect(doc.querySelector('header p.meta')?.textContent).toBe('Version 3, udgivet 7. december 2026 kl. 14.05 af Anne Østergård');
    expect(doc.querySelector('header .summary')?.textContent).toContain('Hvad er ændret:');
    expect(doc.querySelector('header .summary')?.innerHTML).toContain('høringen.<br>');
  });

  it('keeps the body as the editor showed it: every word in order, lists, the link, marks, quote, code, rule', () => {
    const main = doc.querySelector('main')!;
    expect(inOrder(main.textContent ?? '', EVERY_NODE_WORDS)).toEqual([]);
    expect(main.querySelector('a')?.getAttribute('href')).toBe('https://example.dk/høring?a=1&b=2');
    expect(main.querySelector('ul > li > ol')?.getAttribute('start')).toBe('3');
    for (const selector of ['strong', 'em', 'u', 's', 'code', 'blockquote p', 'pre code', 'hr', 'br']) {
      expect(main.querySelector(selector), selector).not.toBeNull();
    }
    expect(main.textContent).toContain('<b>ikke html</b>');
  });

  it('has the table with its header row, underline and strike in its cells, styled for print (the PDF prints this file)', () => {
    const table = doc.querySelector('main table')!;
    expect([...table.querySelectorAll('tr:first-child th')].map((th) => th.textContent)).toEqual(['Område', 'Frist | dato']);
    expect(table.querySelector('td u')?.textContent).toBe('Ærø Nord');
    expect(table.querySelector('td s')?.textContent).toBe('15. december');
    expect(doc.querySelector('style')?.textContent).toMatch(/th, td \{ border: 1px solid/);
  });

  it('escapes the title, summary and publisher', () => {
    const evil = renderVersionHtmlFile(
      everyNodeVersion({ title: '<script>x</script>', summary: '<img src=x>', publishedBy: { id: 'p', name: '"><b>' } }),
    );
    const parsed = parse(evil);
    expect(parsed.querySelectorAll('script, img, b')).toHaveLength(0);
    expect(parsed.querySelector('h1')?.textContent).toBe('<script>x</script>');
  });

  it('marks English labels as English in a Danish document', () => {
    const en = parse(renderVersionHtmlFile(version, 'en'));
    expect(en.documentElement.getAttribute('lang')).toBe('da');
    expect(en.querySelector('p.meta')?.getAttribute('lang')).toBe('en');
  });
});

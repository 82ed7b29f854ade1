import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import type { JSONContent } from '@tiptap/core';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { templateContent, templateSections } from '../../../lib/documents/templates';
import { publicBodyHtml } from '../../../lib/versions/publicBodyHtml';
import { shiftHeadings } from '../../../lib/versions/shiftHeadings';

/** The body as a version stores it: HTML from the editor's schema, rendered by the static renderer. */
const render = (body: JSONContent) => renderToHTMLString({ content: body, extensions: bodyExtensions() });

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const heading = (level: number, ...content: JSONContent[]): JSONContent => ({ type: 'heading', attrs: { level }, content });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

/** The headings of an HTML fragment as a browser parses it: `h2 Formål`, … */
function outline(html: string): string[] {
  const window = new Window();
  const container = window.document.createElement('div');
  container.innerHTML = html;
  return [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName.toLowerCase()} ${h.textContent}`);
}

function paragraphsOf(html: string): string[] {
  const window = new Window();
  const container = window.document.createElement('div');
  container.innerHTML = html;
  return [...container.querySelectorAll('p')].map((p) => p.textContent);
}

describe('shiftHeadings', () => {
  it('moves opening and closing heading tags down by the given levels, never past h6', () => {
    expect(shiftHeadings('<h1>A</h1><h2 class="x">B</h2><h6>C</h6>', 1)).toBe('<h2>A</h2><h3 class="x">B</h3><h6>C</h6>');
    expect(shiftHeadings('<H3>A</H3>', 2)).toBe('<h5>A</h5>');
  });

  it('leaves other tags that start with h alone (hr, header, html)', () => {
    expect(shiftHeadings('<hr><header><h1>A</h1></header><html>', 1)).toBe('<hr><header><h2>A</h2></header><html>');
  });

  it('does not touch heading-like text, which the renderer escapes', () => {
    const html = render(doc(paragraph(text('Skriv <h1>overskrift</h1> og </h2> her')), heading(2, text('<h3> i titlen'))));
    const shifted = shiftHeadings(html, 1);
    expect(outline(shifted)).toEqual(['h3 <h3> i titlen']);
    expect(paragraphsOf(shifted)).toEqual(['Skriv <h1>overskrift</h1> og </h2> her']);
  });

  it('does not touch a link whose address mentions a heading tag', () => {
    const link = { type: 'link', attrs: { href: 'https://eksempel.dk/<h1>?a="<h2' } };
    const html = render(doc(paragraph({ ...text('et link'), marks: [link] })));
    expect(shiftHeadings(html, 1)).toBe(html);
  });

  it('changes nothing when asked to move by 0', () => {
    expect(shiftHeadings('<h1>A</h1>', 0)).toBe('<h1>A</h1>');
  });
});

describe('publicBodyHtml', () => {
  it('drops the title heading older bodies began with (the page’s h1 says it) and keeps the sections as h2', () => {
    // Bodies made before the title became the page's alone held it as their first heading.
    const body = doc(heading(1, text('Fællesspisning i Kulturhuset')), ...(templateContent('projektforslag').content ?? []));
    const html = publicBodyHtml('Fællesspisning i Kulturhuset', body, render(body));
    const headings = outline(html);
    expect(headings[0]).toBe('h2 Formål');
    expect(headings.every((h) => h.startsWith('h2 '))).toBe(true);
    expect(headings).toHaveLength(templateSections('projektforslag').length);
    expect(html).not.toContain('Fællesspisning i Kulturhuset');
  });

  it('shows an older body’s level-1 headings as h2, as the editor does, so the outline has one h1 (the page’s)', () => {
    const body = doc(
      heading(1, text('Titel')),
      paragraph(text('Indledning')),
      heading(1, text('Del 1')),
      heading(2, text('Afsnit')),
      heading(3, text('Punkt')),
    );
    expect(outline(publicBodyHtml('Titel', body, render(body)))).toEqual(['h2 Del 1', 'h2 Afsnit', 'h3 Punkt']);
  });

  it('keeps a leading h1 that is not the title, one level down', () => {
    const body = doc(heading(1, text('Noget andet')), paragraph(text('Tekst')));
    expect(outline(publicBodyHtml('Titel', body, render(body)))).toEqual(['h2 Noget andet']);
  });

  it('recognises the title heading with marks and extra spaces', () => {
    const body = doc(heading(1, { ...text('Plan '), marks: [{ type: 'bold' }] }, text('  for havnen ')), heading(2, text('Mål')));
    expect(outline(publicBodyHtml('Plan for havnen', body, render(body)))).toEqual(['h2 Mål']);
  });

  it('leaves a body without headings as it is', () => {
    const body = doc(paragraph(text('Kun tekst.')));
    const html = render(body);
    expect(publicBodyHtml('Titel', body, html)).toBe(html);
  });

  it('keeps the text after the title heading, escaped as rendered', () => {
    const body = doc(heading(1, text('Titel')), paragraph(text('<script>alert(1)</script> & mere')));
    const html = publicBodyHtml('Titel', body, render(body));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; mere');
    expect(paragraphsOf(html)).toEqual(['<script>alert(1)</script> & mere']);
  });
});

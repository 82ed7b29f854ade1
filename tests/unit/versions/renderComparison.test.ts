/**
 * renderComparison: marks that do not rely on colour (ins/del with a hidden prefix), one anchor
 * per change, headings one level down, escaped text and safe links. Parsed back with happy-dom,
 * so the assertions read the document a browser would build.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { JSONContent } from '@tiptap/core';
import { compareBodies } from '../../../lib/versions/compare/compareBodies';
import { changeCountText, renderComparison } from '../../../lib/versions/compare/renderComparison';
import { translator } from '../../../lib/i18n/translator';

const t = translator('da');
const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks && { marks }) });
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: value ? [text(value)] : [] });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

function parse(html: string): Document {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

/** The text a screen reader meets, hidden prefixes included. */
const spoken = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('renderComparison', () => {
  const before = doc(
    { type: 'heading', attrs: { level: 1 }, content: [text('Plan for <skolen>')] },
    paragraph('Kommunen vil bygge en ny skole.'),
    paragraph('Dette afsnit udgår.'),
    paragraph('Det er vigtigt.'),
  );
  const after = doc(
    { type: 'heading', attrs: { level: 1 }, content: [text('Plan for <skolen>')] },
    paragraph('Kommunen vil bygge en stor skole.'),
    paragraph('Det er vigtigt.'),
    paragraph('Et nyt afsnit & mere.'),
  );
  const comparison = compareBodies(before, after);

  it('marks the inline view with ins and del, each with its spoken prefix, in document order', () => {
    expect(comparison.changes.map((change) => change.kind)).toEqual(['replace', 'delete', 'insert']);
    const rendered = renderComparison(comparison, 'inline', t);
    if (rendered.view !== 'inline') throw new Error('inline expected');
    const page = parse(rendered.html);
    const marks = [...page.querySelectorAll('ins, del')].map((element) => `${element.tagName.toLowerCase()}: ${spoken(element)}`);
    expect(marks).toEqual([
      'del: Slettet: ny',
      'ins: Indsat: stor',
      'del: Slettet: Dette afsnit udgår.',
      'ins: Indsat: Et nyt afsnit & mere.',
    ]);
    // The unchanged text is there once, unmarked.
    expect(spoken(page.body)).toContain('Kommunen vil bygge en Slettet: ny Indsat: stor skole.');
    expect([...page.querySelectorAll('p')].map((element) => element.innerHTML)).toContain('Det er vigtigt.');
    expect(page.querySelectorAll('p.compare-block-del')).toHaveLength(1);
    expect(page.querySelectorAll('p.compare-block-ins')).toHaveLength(1);
  });

  it('anchors each change once, at its first mark', () => {
    for (const view of ['inline', 'side'] as const) {
      const rendered = renderComparison(comparison, view, t);
      const html = rendered.view === 'inline' ? rendered.html : rendered.oldHtml + rendered.newHtml;
      const page = parse(html);
      for (const change of comparison.changes) expect(page.querySelectorAll(`#change-${change.index}`)).toHaveLength(1);
      expect(page.querySelector('#change-1')?.tagName).toBe('DEL');
    }
  });

  it('shows the old body with its deletions beside the new body with its insertions', () => {
    const rendered = renderComparison(comparison, 'side', t);
    if (rendered.view !== 'side') throw new Error('side expected');
    const old = parse(rendered.oldHtml);
    const fresh = parse(rendered.newHtml);
    expect([...old.querySelectorAll('del')].map(spoken)).toEqual(['Slettet: ny', 'Slettet: Dette afsnit udgår.']);
    expect(old.querySelectorAll('ins')).toHaveLength(0);
    expect([...fresh.querySelectorAll('ins')].map(spoken)).toEqual(['Indsat: stor', 'Indsat: Et nyt afsnit & mere.']);
    expect(fresh.querySelectorAll('del')).toHaveLength(0);
  });

  it('moves headings one level down and escapes text', () => {
    const rendered = renderComparison(comparison, 'inline', t);
    if (rendered.view !== 'inline') throw new Error('inline expected');
    expect(rendered.html).toContain('<h2>Plan for &lt;skolen&gt;</h2>');
    expect(parse(rendered.html).querySelector('h1')).toBeNull();
  });

  it('keeps safe links and drops unsafe targets', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href, target: null, rel: null, class: null } }];
    const body = (href: string) => doc({ type: 'paragraph', content: [text('Se '), text('her', link(href))] });
    const rendered = renderComparison(compareBodies(body('javascript:alert(1)'), body('https://example.org/"x')), 'side', t);
    if (rendered.view !== 'side') throw new Error('side expected');
    expect(rendered.oldHtml).not.toContain('javascript');
    expect(parse(rendered.newHtml).querySelector('a')?.getAttribute('href')).toBe('https://example.org/%22x');
  });

  it('labels a formatting change as such, not as a deletion and insertion of the same text', () => {
    const plain = doc(paragraph('Det er vigtigt'));
    const bold = doc({ type: 'paragraph', content: [text('Det er '), text('vigtigt', [{ type: 'bold' }])] });
    const rendered = renderComparison(compareBodies(plain, bold), 'inline', t);
    if (rendered.view !== 'inline') throw new Error('inline expected');
    const page = parse(rendered.html);
    expect(page.querySelectorAll('del')).toHaveLength(0);
    expect(spoken(page.querySelector('ins'))).toBe('Ny formatering: vigtigt');
    expect(page.querySelector('ins strong')?.textContent).toBe('vigtigt');
  });

  it('shows a change to structure alone (a split, a heading level) as a spoken ¶', () => {
    const split = compareBodies(doc(paragraph('Første del. Anden del.')), doc(paragraph('Første del.'), paragraph('Anden del.')));
    const rendered = renderComparison(split, 'inline', t);
    if (rendered.view !== 'inline') throw new Error('inline expected');
    const page = parse(rendered.html);
    expect([...page.querySelectorAll('ins, del')].map(spoken)).toEqual(['Slettet:', 'Indsat: ¶ afsnitsskift']);
    expect(page.querySelector('#change-1')).not.toBeNull();

    const heading = (level: number) => doc({ type: 'heading', attrs: { level }, content: [text('Formål')] });
    const level = renderComparison(compareBodies(heading(1), heading(2)), 'side', t);
    if (level.view !== 'side') throw new Error('side expected');
    expect(spoken(parse(level.newHtml).querySelector('h3 ins'))).toBe('Ny formatering: ¶ afsnitstype');
    expect(spoken(parse(level.oldHtml).querySelector('h2 del'))).toBe('Tidligere formatering: ¶ afsnitstype');
  });

  it('says how many changes there are', () => {
    expect([0, 1, 3].map((n) => changeCountText(n, t))).toEqual(['ingen ændringer', '1 ændring', '3 ændringer']);
  });
});

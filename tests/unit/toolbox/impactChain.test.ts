/** The impact chain node (issue 14) in every renderer: an accessible ordered list of five labelled steps. */
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { encodeBody } from '../../../lib/documents/encodeBody';
import { IMPACT_STEP_IDS, IMPACT_STEP_LABELS, impactChainJson } from '../../../lib/editor/impactChainSteps';
import { bodyJsonOf } from '../../../lib/versions/bodyJsonOf';
import { bodyToMarkdown } from '../../../lib/versions/export/bodyToMarkdown';
import { EXPORT_STYLESHEET } from '../../../lib/versions/export/exportStylesheet';
import { renderVersionDocx } from '../../../lib/versions/export/renderVersionDocx';
import { renderVersionHtmlFile } from '../../../lib/versions/export/renderVersionHtmlFile';
import { renderBodyHtml } from '../../../lib/versions/renderBodyHtml';
import { docxNumbering, docxParagraphs, docxParts } from '../versions/export/docxXml';
import { everyNodeVersion } from '../versions/export/everyNodeVersion';

const STEP_TEXT: Record<(typeof IMPACT_STEP_IDS)[number], string[]> = {
  input: ['To medarbejdere & 40.000 kr.'],
  activities: ['Fællesspisning hver torsdag', 'Madkurser for *unge*'],
  output: [],
  outcome: ['Færre spiser alene'],
  impact: ['Et stærkere lokalsamfund'],
};

/** A chain with text in every step but `output` (left with its guide). */
function writtenChain(): JSONContent {
  const chain = impactChainJson();
  chain.content = chain.content!.map((step) => {
    const texts = STEP_TEXT[step.attrs!['step'] as keyof typeof STEP_TEXT];
    return texts.length === 0
      ? step
      : { ...step, content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  });
  return chain;
}

const body = (): JSONContent =>
  bodyJsonOf(
    encodeBody({
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Effektkæde' }] }, writtenChain()],
    }),
  );

describe('the impact chain', () => {
  it('survives the Yjs round trip with its five steps', () => {
    const chain = body().content![1]!;
    expect(chain.type).toBe('impactChain');
    expect(chain.content!.map((step) => step.attrs?.['step'])).toEqual([...IMPACT_STEP_IDS]);
  });

  it('renders as a named ordered list: a labelled item per step, arrows hidden from screen readers, no guide', () => {
    const html = renderBodyHtml(body());
    expect(html).toMatch(/^<h2>Effektkæde<\/h2><ol class="impact-chain" data-impact-chain="" aria-label="Effektkæde">/);
    const items = [...html.matchAll(/<li data-step="(\w+)" class="impact-step">(.*?)<\/li>/g)];
    expect(items.map((m) => m[1])).toEqual([...IMPACT_STEP_IDS]);
    for (const [, step, inner] of items) {
      const id = step as keyof typeof STEP_TEXT;
      expect(inner).toContain(`<strong class="impact-step__label" contenteditable="false" lang="da">${IMPACT_STEP_LABELS[id]}</strong>`);
      expect(inner).toContain('<span class="impact-step__arrow" aria-hidden="true" contenteditable="false">→</span>');
      const escaped = STEP_TEXT[id].map((text) => `<p>${text.replace(/&/g, '&amp;')}</p>`).join('');
      expect(inner).toContain(`<div class="impact-step__body">${escaped}</div>`);
    }
    expect(html).not.toContain('Hvad kommer der direkte ud af aktiviteterne');
  });

  it('is a numbered list with bold step names in Markdown', () => {
    expect(bodyToMarkdown(body())).toBe(
      [
        '## Effektkæde',
        '',
        '1. **Input / Ressourcer**',
        '',
        '   To medarbejdere & 40.000 kr.',
        '',
        '2. **Aktiviteter**',
        '',
        '   Fællesspisning hver torsdag',
        '',
        '   Madkurser for \\*unge\\*',
        '',
        '3. **Output / Leverancer**',
        '',
        '4. **Outcome / Effekter på kort sigt**',
        '',
        '   Færre spiser alene',
        '',
        '5. **Impact / Langsigtet effekt**',
        '',
        '   Et stærkere lokalsamfund',
        '',
      ].join('\n'),
    );
  });

  it('is a Word numbered list: each step a numbered bold label, its paragraphs under it', async () => {
    const version = everyNodeVersion({ content: { yjsState: new Uint8Array(), body: body(), html: renderBodyHtml(body()) } });
    const parts = docxParts(await renderVersionDocx(version));
    const paragraphs = docxParagraphs(parts['word/document.xml']!);
    const labels = paragraphs.filter((p) => Object.values(IMPACT_STEP_LABELS).includes(p.text));
    expect(labels.map((p) => p.text)).toEqual(Object.values(IMPACT_STEP_LABELS));
    expect(labels.every((p) => p.numbering?.level === 0 && p.xml.includes('<w:b/>'))).toBe(true);
    expect(new Set(labels.map((p) => p.numbering!.numId)).size).toBe(1);
    expect(docxNumbering(parts['word/numbering.xml']!).get(labels[0]!.numbering!.numId)![0]).toMatchObject({ format: 'decimal', start: 1 });
    const texts = paragraphs.map((p) => p.text);
    expect(texts.indexOf('Fællesspisning hver torsdag')).toBeGreaterThan(texts.indexOf('Aktiviteter'));
    expect(texts.indexOf('Madkurser for *unge*')).toBeLessThan(texts.indexOf('Output / Leverancer'));
    expect(texts.join('\n')).not.toContain('Hvad kommer der direkte ud');
  });

  it('is styled in the HTML file (and so in the PDF printed from it)', () => {
    const version = everyNodeVersion({ content: { yjsState: new Uint8Array(), body: body(), html: renderBodyHtml(body()) } });
    const file = renderVersionHtmlFile(version);
    expect(file).toContain('<ol class="impact-chain" data-impact-chain="" aria-label="Effektkæde">');
    expect(EXPORT_STYLESHEET).toContain('ol.impact-chain[data-impact-chain]');
    expect(file).toContain('li.impact-step:last-child > .impact-step__arrow { display: none; }');
  });
});

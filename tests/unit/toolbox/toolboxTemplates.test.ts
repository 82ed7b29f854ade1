/**
 * The toolbox's templates (issue 14): each seeds its sections through the editor's schema, its
 * guiding questions are placeholders (a paragraph attribute, never text), and no publish or export
 * of a fresh template contains one; written text replaces them; older bodies render as before.
 */
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { encodeBody } from '../../../lib/documents/encodeBody';
import { TEMPLATE_IDS, TEMPLATE_SECTIONS, templateContent, templateSections, type TemplateId } from '../../../lib/documents/templates';
import { IMPACT_STEP_GUIDES, IMPACT_STEP_IDS, IMPACT_STEP_LABELS } from '../../../lib/editor/impactChainSteps';
import { bodyJsonOf } from '../../../lib/versions/bodyJsonOf';
import { renderVersionDocx } from '../../../lib/versions/export/renderVersionDocx';
import { renderVersionHtmlFile } from '../../../lib/versions/export/renderVersionHtmlFile';
import { renderVersionMarkdown } from '../../../lib/versions/export/renderVersionMarkdown';
import { publicBodyHtml } from '../../../lib/versions/publicBodyHtml';
import { renderBodyHtml } from '../../../lib/versions/renderBodyHtml';
import { withoutGuides } from '../../../lib/versions/withoutGuides';
import { docxParagraphs, docxParts } from '../versions/export/docxXml';
import { everyNodeVersion } from '../versions/export/everyNodeVersion';

const ALL_GUIDES = [
  ...Object.values(TEMPLATE_SECTIONS).flatMap((sections) => sections.map(([, guide]) => guide)),
  ...Object.values(IMPACT_STEP_GUIDES),
];

/** The body as the server stores it: seeded into Yjs and read back through the schema. */
const seeded = (template: TemplateId): JSONContent => bodyJsonOf(encodeBody(templateContent(template)));

function plainText(node: JSONContent): string {
  return node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(plainText).join(' ');
}

async function everyExport(body: JSONContent): Promise<{ html: string; page: string; file: string; md: string; docx: string }> {
  const html = renderBodyHtml(body);
  const version = everyNodeVersion({ title: 'Fællesspisning', content: { yjsState: new Uint8Array(), body, html } });
  const docxXml = docxParts(await renderVersionDocx(version))['word/document.xml']!;
  return {
    html,
    page: publicBodyHtml(version.title, body, html),
    file: renderVersionHtmlFile(version),
    md: renderVersionMarkdown(version),
    docx: docxParagraphs(docxXml)
      .map((p) => p.text)
      .join('\n'),
  };
}

describe('the templates', () => {
  it('are the five toolbox templates and a blank one', () => {
    expect(TEMPLATE_IDS).toEqual(['projektforslag', 'politikudkast', 'workshopnotat', 'evaluering', 'puljeansoegning', 'blank']);
  });

  it.each(TEMPLATE_IDS.filter((id) => id !== 'blank'))(
    '%s: each section is a heading and an empty paragraph whose guide is an attribute',
    (id) => {
      const body = seeded(id);
      const headings = (body.content ?? []).filter((node) => node.type === 'heading');
      expect(headings.map(plainText)).toEqual(templateSections(id));
      expect(headings.every((node) => node.attrs?.['level'] === 2)).toBe(true);
      for (const [index, node] of (body.content ?? []).entries()) {
        if (node.type !== 'heading') continue;
        const next = body.content![index + 1]!;
        expect(next).toMatchObject({ type: 'paragraph', attrs: { guide: expect.any(String) } });
        expect(next.content ?? []).toEqual([]);
      }
      // No guiding question is text anywhere in the body.
      const text = plainText(body);
      for (const guide of ALL_GUIDES) expect(text).not.toContain(guide);
    },
  );

  it('puts an impact chain in the project proposal and the evaluation', () => {
    const chains = (id: TemplateId) => (seeded(id).content ?? []).filter((node) => node.type === 'impactChain');
    for (const id of ['projektforslag', 'evaluering'] as const) {
      const [chain, ...more] = chains(id);
      expect(more).toEqual([]);
      expect(chain!.content!.map((step) => step.attrs?.['step'])).toEqual([...IMPACT_STEP_IDS]);
      expect(chain!.content!.map((step) => step.content)).toEqual(
        IMPACT_STEP_IDS.map((step) => [{ type: 'paragraph', attrs: { guide: IMPACT_STEP_GUIDES[step] } }]),
      );
    }
    for (const id of ['politikudkast', 'workshopnotat', 'puljeansoegning', 'blank'] as const) expect(chains(id)).toEqual([]);
  });

  it.each(TEMPLATE_IDS)('%s: published and exported fresh, it has its headings and no guiding text', async (id) => {
    const exports = await everyExport(seeded(id));
    for (const [format, output] of Object.entries(exports)) {
      for (const guide of ALL_GUIDES) expect(output, `${format}: ${guide}`).not.toContain(guide);
      expect(output, format).not.toMatch(/data-guide|guided-empty/);
      for (const section of templateSections(id)) expect(output, `${format}: ${section}`).toContain(section);
    }
    // An empty guided paragraph renders as nothing, not as an empty <p>.
    if (id !== 'blank') expect(exports.html).not.toContain('<p></p>');
  });

  it('after writing in a section and in a step, the exports hold the written text and no guide', async () => {
    const body = seeded('projektforslag');
    const purpose = body.content!.findIndex((node) => node.type === 'heading' && plainText(node) === 'Formål') + 1;
    body.content![purpose]!.content = [{ type: 'text', text: 'Et fælles måltid hver torsdag i Kulturhuset.' }];
    const chain = body.content!.find((node) => node.type === 'impactChain')!;
    chain.content![1]!.content![0]!.content = [{ type: 'text', text: 'Vi laver mad sammen med foreningerne.' }];
    // Through Yjs again, as a publish reads it.
    const exports = await everyExport(bodyJsonOf(encodeBody(body)));
    for (const [format, output] of Object.entries(exports)) {
      expect(output, format).toContain('Et fælles måltid hver torsdag i Kulturhuset.');
      expect(output, format).toContain('Vi laver mad sammen med foreningerne.');
      for (const guide of ALL_GUIDES) expect(output, `${format}: ${guide}`).not.toContain(guide);
      for (const label of Object.values(IMPACT_STEP_LABELS)) expect(output, `${format}: ${label}`).toContain(label);
    }
    expect(exports.html).toContain('<h2>Formål</h2><p>Et fælles måltid hver torsdag i Kulturhuset.</p><h2>Baggrund</h2><h2>');
    expect(exports.md).toContain('## Formål\n\nEt fælles måltid hver torsdag i Kulturhuset.\n\n## Baggrund\n\n## Målgruppe');
  });

  it('leaves an older body, whose guiding questions are real text, as it was', async () => {
    const old: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Formål' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Hvad vil projektet opnå, og for hvem?' }] },
        { type: 'paragraph' },
      ],
    };
    const read = bodyJsonOf(encodeBody(old));
    expect(withoutGuides(read)).toEqual(read);
    expect(renderBodyHtml(read)).toBe('<h2>Formål</h2><p>Hvad vil projektet opnå, og for hvem?</p><p></p>');
    expect((await everyExport(read)).md).toContain('Hvad vil projektet opnå, og for hvem?');
  });
});

/**
 * Templates for new documents, as ProseMirror JSON. Seeded into the Yjs body on the server at
 * creation (never with setContent in the browser, which duplicates content when fresh clients meet).
 *
 * The body holds no title: a document's title is DocumentMeta.title alone, shown as the page's one
 * h1 (editor page, public pages) and renamed in one place. Body headings start at level 2
 * (lib/editor/bodyExtensions.ts).
 */
import type { JSONContent } from '@tiptap/core';

export const TEMPLATE_IDS = ['projektforslag', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const heading = (level: 2, text: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const paragraph = (text?: string): JSONContent => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });

/** Sections of a project proposal (projektforslag), each with a short prompt for the writers. */
const PROJECT_SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['Formål', 'Hvad vil projektet opnå, og for hvem?'],
  ['Baggrund', 'Hvilket behov eller hvilken udfordring svarer projektet på?'],
  ['Målgruppe', 'Hvem er projektet for, og hvordan bliver de inddraget?'],
  ['Partnere', 'Hvilke foreninger, virksomheder, borgere og centre er med, og hvad bidrager de med?'],
  ['Aktiviteter', 'Hvad skal der ske, hvornår og af hvem?'],
  ['Økonomi', 'Hvad koster projektet, og hvem finansierer hvad?'],
  ['Evaluering', 'Hvordan ved vi, om projektet lykkes? Hvilke tegn på effekt ser vi efter?'],
];

export function templateContent(template: TemplateId): JSONContent {
  if (template === 'blank') return { type: 'doc', content: [paragraph()] };
  return { type: 'doc', content: PROJECT_SECTIONS.flatMap(([name, prompt]) => [heading(2, name), paragraph(prompt)]) };
}

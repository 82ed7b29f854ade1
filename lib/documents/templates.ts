/**
 * Templates for new documents, as ProseMirror JSON. Seeded into the Yjs body on the server at
 * creation (never with setContent in the browser, which duplicates content when fresh clients meet).
 *
 * The body holds no title: a document's title is DocumentMeta.title alone, shown as the page's one
 * h1 (editor page, public pages) and renamed in one place. Body headings start at level 2
 * (lib/editor/bodyExtensions.ts).
 *
 * Each section is a heading and an empty paragraph carrying a guiding question as its `guide`
 * attribute (lib/editor/guidePlaceholder.ts): the editor shows it as a placeholder until someone
 * writes there, and no published version or export contains it. The text is Danish whatever the
 * creator's interface language: the body is one shared text in the municipality's language (the
 * template's name and description in the form follow the interface language).
 */
import type { JSONContent } from '@tiptap/core';
import { impactChainJson } from '../editor/impactChainSteps';
import { TEMPLATE_IDS, type TemplateId } from './templateIds';

export { TEMPLATE_IDS, type TemplateId };

/** A section: heading and guiding question, optionally followed by an impact chain. */
type Section = readonly [heading: string, guide: string, extra?: 'impactChain'];

const heading = (level: 2, text: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const guided = (guide: string): JSONContent => ({ type: 'paragraph', attrs: { guide } });

export const TEMPLATE_SECTIONS: { readonly [T in Exclude<TemplateId, 'blank'>]: readonly Section[] } = {
  projektforslag: [
    ['Formål', 'Hvad vil projektet opnå, og for hvem?'],
    ['Baggrund', 'Hvilket behov eller hvilken udfordring svarer projektet på?'],
    ['Målgruppe', 'Hvem er projektet for, og hvordan bliver de inddraget?'],
    ['Partnere', 'Hvilke foreninger, virksomheder, borgere og centre er med, og hvad bidrager de med? Hvem mangler på holdet?'],
    ['Aktiviteter', 'Hvad skal der ske, hvornår og af hvem?'],
    ['Effektkæde', 'Fra ressourcer til langsigtet effekt: udfyld trinene herunder.', 'impactChain'],
    ['Økonomi', 'Hvad koster projektet, og hvem finansierer hvad?'],
    ['Evaluering', 'Hvordan ved vi, om projektet lykkes? Hvilke tegn på effekt ser vi efter?'],
  ],
  politikudkast: [
    ['Resumé', 'Hvad handler politikken om? Skriv det kort, så alle kan læse med.'],
    ['Baggrund', 'Hvorfor skal kommunen have denne politik nu?'],
    ['Vision', 'Hvordan ser det ud, når politikken virker – for borgere, foreninger og virksomheder?'],
    ['Mål og principper', 'Hvad vil kommunen arbejde for, og hvilke principper styrer arbejdet?'],
    ['Indsatser', 'Hvad gør vi konkret, og hvem har ansvaret?'],
    ['Sådan er udkastet blevet til', 'Hvem har været med til at skrive det, og hvordan er borgere og civilsamfund inddraget?'],
    ['Spørgsmål til høringen', 'Hvad vil I især gerne have kommentarer til?'],
    ['Det videre forløb', 'Hvad sker der med høringssvarene, og hvornår beslutter politikerne?'],
  ],
  workshopnotat: [
    ['Formål med workshoppen', 'Hvad ville vi nå frem til?'],
    ['Deltagere', 'Hvem var med – borgere, foreninger, virksomheder, medarbejdere? Hvem manglede?'],
    ['Program', 'Hvad lavede vi, og i hvilken rækkefølge?'],
    ['Det talte vi om', 'Hvad var de vigtigste pointer og spørgsmål?'],
    ['Idéer og indsigter', 'Hvilke idéer kom frem, og hvad lærte vi af hinanden?'],
    ['Aftaler', 'Hvad besluttede vi sammen?'],
    ['Næste skridt', 'Hvem gør hvad, og hvornår?'],
    ['Feedback på workshoppen', 'Hvad virkede, hvad undrede os, og hvad foreslår vi til næste gang?'],
  ],
  evaluering: [
    ['Hvad evaluerer vi', 'Hvilket projekt eller hvilken indsats, hvilken periode, og hvem spørger?'],
    ['Effektkæde', 'Hvad forventede vi? Udfyld trinene fra ressourcer til langsigtet effekt.', 'impactChain'],
    ['Metode og data', 'Hvordan har vi samlet viden: tal, interviews, workshops, observationer?'],
    ['Resultater', 'Hvad blev der gjort og leveret, sammenlignet med planen?'],
    ['Effekter', 'Hvilke forandringer ser vi hos borgerne og i lokalsamfundet?'],
    ['Samskabelsen', 'Hvordan fungerede samarbejdet mellem kommunen, borgerne, foreningerne og virksomhederne?'],
    ['Læring', 'Hvad virkede, hvad virkede ikke, og hvad gør vi anderledes næste gang?'],
    ['Anbefalinger', 'Hvad anbefaler vi, at der sker nu?'],
  ],
  puljeansoegning: [
    ['Ansøger', 'Hvilken forening, borgergruppe eller virksomhed søger, og hvem er kontaktperson?'],
    ['Kort om projektet', 'Hvad vil I gøre? Beskriv det i få linjer.'],
    ['Formål', 'Hvad vil I opnå, og hvorfor er det vigtigt for borgerne?'],
    ['Aktiviteter og tidsplan', 'Hvad skal der ske, hvornår, og hvem står for det?'],
    ['Hvem har gavn af det', 'Hvem er projektet for, og hvor mange når I?'],
    ['Samarbejdspartnere', 'Hvem samarbejder I med – også i kommunen?'],
    ['Budget', 'Hvad koster projektet, hvor meget søger I, og hvad finansierer I selv eller andre?'],
    ['Forventet effekt', 'Hvilken forskel gør projektet, og hvordan kan I se det?'],
    ['Opfølgning', 'Hvordan fortæller I puljen og andre, hvordan det gik?'],
  ],
};

/** The section headings of a template (none for `blank`), e.g. for the platform API's template list. */
export function templateSections(template: TemplateId): string[] {
  return template === 'blank' ? [] : TEMPLATE_SECTIONS[template].map(([name]) => name);
}

export function templateContent(template: TemplateId): JSONContent {
  if (template === 'blank') return { type: 'doc', content: [{ type: 'paragraph' }] };
  return {
    type: 'doc',
    content: TEMPLATE_SECTIONS[template].flatMap(([name, guide, extra]) => [
      heading(2, name),
      guided(guide),
      ...(extra === 'impactChain' ? [impactChainJson()] : []),
    ]),
  };
}

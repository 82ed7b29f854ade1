/** Demo content created once on first start (unless SEED_DEMO=false), so a new install has something real to show. */
import type { JSONContent } from '@tiptap/core';
import type { DocumentState } from '../access/model';
import type { TemplateId } from './templates';
import type { PostType } from '../forum/postTypes';

export interface DemoDocument {
  readonly title: string;
  readonly template: TemplateId;
  readonly content: JSONContent;
  /** The phase it starts in (draft when absent). */
  readonly state?: DocumentState;
}

const text = (value: string): JSONContent => ({ type: 'text', text: value });
/** Level 2 and down: the title is the page's h1 (DocumentMeta.title), never part of the body. */
const h = (level: 2, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const p = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] });
const bullets = (...items: string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
});

export const DEMO_AUTHOR = { id: 'demo', name: 'Fælles-skabet (demo)' } as const;

/** The knowledge forum the demo documents and posts live in; they are public, so everyone can read them. */
export const DEMO_WORKSPACE = {
  id: 'w_faelles-skabet',
  name: 'Fælles-skabet',
  description: 'Vidensforum for samskabelse mellem kommunen og civilsamfundet (demo).',
  kind: 'forum',
} as const;

/** The forum's demo posts (issue 14): an experience, a case and an article, newest first. */
export interface DemoPost {
  readonly title: string;
  readonly type: PostType;
  readonly tags: readonly string[];
  readonly content: JSONContent;
}

export const DEMO_POSTS: readonly DemoPost[] = [
  {
    title: 'Erfaring: Gode spørgsmål åbnede dialogmødet i Nørre Alslev',
    type: 'erfaring',
    tags: ['gode spørgsmål', 'dialogmøde', 'borgerinddragelse'],
    content: {
      type: 'doc',
      content: [
        p(
          'Vi startede dialogmødet om den nye legeplads med tre gode spørgsmål i stedet for en præsentation: Hvad fungerer godt i dag? Hvad savner I? Hvem mangler vi at spørge?',
        ),
        p('Borgerne talte i små grupper i ti minutter, før vi fra kommunen sagde noget. Det gav flere idéer og færre klager end sidst.'),
        h(2, 'Det tager vi med'),
        bullets(
          'Start med at lytte, ikke med en løsning.',
          'Skriv spørgsmålene op, så alle kan se dem.',
          'Send et kort referat samme uge.',
        ),
      ],
    },
  },
  {
    title: 'Case: Frivillige og kommunen driver badebroen sammen',
    type: 'case',
    tags: ['frivillige', 'samskabelse', 'effektkæde'],
    content: {
      type: 'doc',
      content: [
        p(
          'Badebroen ved Hesnæs blev bygget og vedligeholdes af den lokale bådelaug i samarbejde med kommunen. Kommunen står for tilladelser og materialer, laugets frivillige for arbejdet og tilsynet.',
        ),
        h(2, 'Effektkæde'),
        bullets(
          'Indsats: materialer, tilladelser og frivillige timer.',
          'Aktiviteter: byggedage og en fast tilsynsordning.',
          'Resultater: en sikker badebro og flere badegæster året rundt.',
          'Effekt: et stærkere fællesskab og mere liv ved vandet.',
        ),
        p('Det svære var at aftale, hvem der har ansvaret, når noget går i stykker. En skriftlig aftale på én side løste det.'),
      ],
    },
  },
  {
    title: 'Artikel: Hvad er samskabelse – og hvad er det ikke?',
    type: 'artikel',
    tags: ['samskabelse', 'charter for samskabelse'],
    content: {
      type: 'doc',
      content: [
        p(
          'Samskabelse er, når kommunen, foreninger, virksomheder og borgere skaber løsninger sammen, fra idé til handling. Det er mere end høring og inddragelse: alle parter bidrager med ressourcer og deler ansvaret.',
        ),
        p(
          'Charter for Samskabelse beskriver principperne: vi tager udgangspunkt i borgernes ressourcer, vi tør eksperimentere, og vi lærer af det, der ikke lykkes.',
        ),
      ],
    },
  },
];

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    title: 'Projektforslag: Fællesspisning i forsamlingshuset',
    template: 'projektforslag',
    content: {
      type: 'doc',
      content: [
        h(2, 'Formål'),
        p(
          'Vi vil samle borgere på tværs af alder til fællesspisning hver anden torsdag, så færre sidder alene, og flere lærer deres naboer at kende.',
        ),
        h(2, 'Baggrund'),
        p('Mange ældre i landsbyen bor alene, og unge familier efterlyser mødesteder. Forsamlingshuset står tomt de fleste hverdage.'),
        h(2, 'Målgruppe'),
        p('Alle borgere i lokalområdet, med særligt fokus på ældre, der bor alene, og nytilflyttede familier.'),
        h(2, 'Partnere'),
        bullets(
          'Borgerforeningen: står for indkøb og madlavning med frivillige.',
          'Den lokale købmand: leverer råvarer til kostpris.',
          'Center for Borger & Branding: hjælper med formidling og lokaler.',
        ),
        h(2, 'Aktiviteter'),
        bullets(
          'Fællesspisning hver anden torsdag kl. 17.30.',
          'Madhold med skiftende frivillige.',
          'En gang i kvartalet: tema-aften med lokale fortællinger.',
        ),
        h(2, 'Økonomi'),
        p('Deltagerbetaling på 40 kr. for voksne og 20 kr. for børn dækker råvarerne. Vi søger 15.000 kr. til køkkenudstyr.'),
        h(2, 'Evaluering'),
        p('Vi tæller deltagere, spørger til trivsel to gange om året og samler historier fra deltagerne i en kort feedbackmodel.'),
      ],
    },
  },
  {
    title: 'Udkast: Politik for samskabelse',
    // In public consultation from the start, so a new install shows commenting on passages.
    state: 'consultation',
    template: 'blank',
    content: {
      type: 'doc',
      content: [
        p(
          'Dette udkast er skrevet i fællesskab af medarbejdere, foreninger og borgere i Fælles-skabet og sendes i åben høring, før byrådet beslutter.',
        ),
        h(2, 'Vision'),
        p('Kommunen og civilsamfundet skaber løsninger sammen, til gavn for borgerne og med respekt for hinandens roller.'),
        h(2, 'Principper'),
        bullets(
          'Vi inviterer tidligt: borgere og foreninger er med, før løsningen er fastlagt.',
          'Vi sætter holdet sammen efter opgaven, ikke efter organisationsdiagrammet.',
          'Vi deler viden og værktøjer åbent, også når noget ikke lykkes.',
          'Vi evaluerer sammen og bruger feedback til at blive dygtigere.',
        ),
        h(2, 'Sådan arbejder vi'),
        p('Nye initiativer kan komme fra både kommunen og aktører uden for organisationen. Hvert projekt får en kontaktperson i kommunen.'),
      ],
    },
  },
];

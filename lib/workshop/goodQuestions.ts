/**
 * The toolbox's good questions (gode spørgsmål) for the sections of Samskriv's templates, and the
 * principles of co-creation a group keeps in view. Written for Samskriv from the municipality's
 * programme (../shared/context: "hverdagsgreb, gode spørgsmål, principper for arbejde med
 * samskabelse"), in Danish and English. A question's id never changes once used: ticks are stored
 * under it (lib/workshop/model.ts tickKey).
 */
import type { Locale } from '../i18n/locales';

export interface GoodQuestion {
  readonly id: string;
  readonly da: string;
  readonly en: string;
}

const q = (id: string, da: string, en: string): GoodQuestion => ({ id, da, en });

/** By section key (lib/workshop/sections.ts sectionKey of the heading). */
const BY_SECTION: Readonly<Record<string, readonly GoodQuestion[]>> = {
  formål: [
    q('hvem-har-brug', 'Hvem har brug for det her – og har vi spurgt dem?', 'Who needs this – and have we asked them?'),
    q(
      'faelles-maal',
      'Hvad vil vi opnå sammen, som ingen af os kan alene?',
      'What do we want to achieve together that none of us can alone?',
    ),
    q('succes', 'Hvordan ser det ud, når det er lykkedes?', 'What does it look like when it has worked?'),
  ],
  baggrund: [
    q('udfordring', 'Hvilken udfordring løser vi, set fra borgerens side?', 'Which challenge do we solve, seen from the citizen’s side?'),
    q('viden', 'Hvad ved vi allerede – og hvad gætter vi på?', 'What do we already know – and what are we guessing?'),
  ],
  målgruppe: [
    q(
      'inddragelse',
      'Hvordan er målgruppen med i arbejdet, ikke kun i høringen?',
      'How is the target group part of the work, not only of the consultation?',
    ),
    q('overset', 'Hvem risikerer vi at overse?', 'Whom do we risk overlooking?'),
  ],
  partnere: [
    q('mangler', 'Hvem mangler vi omkring bordet?', 'Who is missing around the table?'),
    q(
      'bidrag',
      'Hvad bidrager hver partner med – og hvad får de ud af det?',
      'What does each partner bring – and what do they get from it?',
    ),
    q('ansvar', 'Hvordan deler vi ansvar og beslutninger?', 'How do we share responsibility and decisions?'),
  ],
  aktiviteter: [
    q('hvem-hvad', 'Hvem gør hvad, og hvornår?', 'Who does what, and when?'),
    q('smaa-skridt', 'Hvad kan vi afprøve i lille skala først?', 'What can we try out on a small scale first?'),
  ],
  økonomi: [
    q(
      'ressourcer',
      'Hvilke ressourcer ud over penge bringer partnerne (tid, lokaler, viden)?',
      'Which resources besides money do the partners bring (time, rooms, knowledge)?',
    ),
    q('efter', 'Hvordan fortsætter det, når bevillingen slutter?', 'How does it go on when the funding ends?'),
  ],
  evaluering: [
    q('tegn', 'Hvilke tegn viser os, at det virker – for borgerne?', 'Which signs show us that it works – for the citizens?'),
    q('feedback', 'Hvornår og hvordan giver vi hinanden feedback undervejs?', 'When and how do we give each other feedback along the way?'),
    q('laering', 'Hvordan deler vi det, vi lærer, med andre?', 'How do we share what we learn with others?'),
  ],
};

/** For a section no template names: questions that fit any part of a co-created text. */
const ANY_SECTION: readonly GoodQuestion[] = [
  q('alle-hoert', 'Er alle parters perspektiv med i dette afsnit?', 'Is every party’s perspective in this section?'),
  q('forstaaeligt', 'Kan en borger uden forhåndsviden forstå det?', 'Can a citizen without prior knowledge understand it?'),
  q('uenighed', 'Hvor er vi uenige, og har vi skrevet det ærligt?', 'Where do we disagree, and have we written it honestly?'),
];

export const PRINCIPLES: readonly GoodQuestion[] = [
  q(
    'fra-start',
    'Vi skaber sammen fra starten, ikke først når planen er lagt.',
    'We create together from the start, not once the plan is made.',
  ),
  q('ligevaerd', 'Alle parter er ligeværdige og bidrager med det, de har.', 'Every party is an equal and brings what it has.'),
  q('nysgerrighed', 'Vi er nysgerrige på hinandens perspektiver.', 'We are curious about each other’s perspectives.'),
  q('ejerskab', 'Vi deler ansvar og ejerskab for resultatet.', 'We share responsibility for and ownership of the result.'),
  q('afproevning', 'Vi tør afprøve, fejle og lære undervejs.', 'We dare to try, fail and learn along the way.'),
];

/** The good questions for a section; a numbered duplicate ("formål-2") gets its base's. */
export function questionsFor(sectionKey: string): readonly GoodQuestion[] {
  return BY_SECTION[sectionKey] ?? BY_SECTION[sectionKey.replace(/-\d+$/, '')] ?? ANY_SECTION;
}

export const questionText = (question: GoodQuestion, locale: Locale): string => (locale === 'en' ? question.en : question.da);

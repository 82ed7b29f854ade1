/**
 * The text policy for everything people write into a consultation: comments, replies, suggested
 * wording, official answers, reasons, report notes and guests' display names. Plain text only (the
 * client renders it inert, recognising links); the server takes it in this shape or refuses it with
 * a code per field and problem (`text_too_long`, `replacement_bidi_controls`, …; `error.<code>` in
 * the catalogue). Browser-safe, so forms can check before sending.
 *
 * - Unicode NFC, and CRLF / CR line ends as LF; surrounding whitespace trimmed (not for suggested
 *   wording, whose spaces are part of the replacement).
 * - Lengths in characters (code points) after that, as people count them.
 * - Refused: C0 and C1 control characters except tab and line feed, DEL, lone surrogates and
 *   Unicode noncharacters (`invalid_characters`); more than 8 combining marks on one character
 *   ("Zalgo", drawn over the neighbouring lines) likewise.
 * - Refused: bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069
 *   (`bidi_controls`): they make text read differently from how it is stored ("Trojan Source").
 *   The plain marks LRM, RLM and ALM are allowed: they change no order of their own.
 * - Refused (`invisible_characters`): characters that draw nothing and have no place in prose
 *   (U+FEFF, U+2060–U+2064, U+180E, Hangul fillers, U+115F/U+1160/U+3164/U+FFA0); zero-width
 *   space, non-joiner and joiner in runs of three or more (one at a time is how emoji sequences
 *   and Persian or Indic spelling use them); Unicode tag characters outside an emoji flag
 *   sequence (they smuggle invisible ASCII).
 * - Text that is empty once trimmed, or holds nothing but whitespace and characters that draw
 *   nothing (zero-width, direction marks, soft hyphens, variation selectors), is missing
 *   (`required`), where the field is required. Document titles follow the same rules
 *   (`labelTextProblem`, lib/documents/titleSchema.ts).
 */
import { imitatesAffiliation } from '../people/affiliation';

export const COMMENT_TEXT_MAX = 5000;
export const REPLACEMENT_MAX = 5000;
export const ANSWER_TEXT_MAX = 5000;
export const REASON_MAX = 1000;
export const REPORT_NOTE_MAX = 1000;
export const DISPLAY_NAME_MAX = 60;

/** The free-text fields of the comments API, as their error codes name them. */
export type TextField = 'text' | 'replacement' | 'answer' | 'reason' | 'note';
export type TextProblem = 'required' | 'too_long' | 'invalid_characters' | 'bidi_controls' | 'invisible_characters';
export type TextErrorCode = `${TextField}_${TextProblem}`;

export const TEXT_FIELDS: readonly TextField[] = ['text', 'replacement', 'answer', 'reason', 'note'];
export const TEXT_PROBLEMS: readonly TextProblem[] = [
  'required',
  'too_long',
  'invalid_characters',
  'bidi_controls',
  'invisible_characters',
];

const MAX_LENGTH: Readonly<Record<TextField, number>> = {
  text: COMMENT_TEXT_MAX,
  replacement: REPLACEMENT_MAX,
  answer: ANSWER_TEXT_MAX,
  reason: REASON_MAX,
  note: REPORT_NOTE_MAX,
};

export type CleanText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: TextProblem };

const MAX_COMBINING_MARKS = 8;
const MAX_ZERO_WIDTH_RUN = 2;

const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isZeroWidth = (cp: number) => cp >= 0x200b && cp <= 0x200d;
const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;
/** Soft hyphen, combining grapheme joiner, Arabic letter mark, zero-width and direction marks, variation selectors. */
const drawsNothing = (cp: number) =>
  cp === 0xad || cp === 0x34f || cp === 0x61c || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f);
const isInvisibleFiller = (cp: number) =>
  cp === 0xfeff || (cp >= 0x2060 && cp <= 0x2064) || cp === 0x180e || cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0;
const isInvalid = (cp: number) =>
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a) ||
  (cp >= 0x7f && cp <= 0x9f) ||
  (cp >= 0xd800 && cp <= 0xdfff) ||
  (cp >= 0xfdd0 && cp <= 0xfdef) ||
  (cp & 0xfffe) === 0xfffe;
const COMBINING = /\p{M}/u;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

/**
 * The characters' problem, if any: the first kind found in the order invalid, bidi, invisible
 * (an invalid character is the worst news, so it wins).
 */
function characterProblem(text: string): TextProblem | null {
  let bidi = false;
  let invisible = false;
  let zeroWidthRun = 0;
  let marks = 0;
  // Inside a tag sequence that began right after a black flag (an emoji subdivision flag).
  let inFlagTags = false;
  let previous = -1;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (isInvalid(cp)) return 'invalid_characters';
    if (isBidiControl(cp)) bidi = true;
    else if (isInvisibleFiller(cp)) invisible = true;
    zeroWidthRun = isZeroWidth(cp) ? zeroWidthRun + 1 : 0;
    if (zeroWidthRun > MAX_ZERO_WIDTH_RUN) invisible = true;
    if (isTag(cp)) {
      if (!inFlagTags && previous !== BLACK_FLAG) invisible = true;
      inFlagTags = cp !== CANCEL_TAG;
    } else {
      // A flag's tags must end with the cancel tag.
      if (inFlagTags) invisible = true;
      inFlagTags = false;
    }
    marks = COMBINING.test(char) ? marks + 1 : 0;
    if (marks > MAX_COMBINING_MARKS) return 'invalid_characters';
    previous = cp;
  }
  if (inFlagTags) invisible = true;
  if (bidi) return 'bidi_controls';
  return invisible ? 'invisible_characters' : null;
}

const countCharacters = (text: string): number => {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
};

/**
 * True when nothing would be seen: whitespace and characters that draw nothing (zero-width space,
 * joiners, direction marks, soft hyphen, combining grapheme joiner, variation selectors) only.
 */
const looksEmpty = (text: string) => {
  for (const char of text) if (!/\s/u.test(char) && !drawsNothing(char.codePointAt(0)!)) return false;
  return true;
};

/**
 * Checks and normalises one field's text. `required: false` lets an empty text through (a report's
 * note, an accepted suggestion's reason, wording that deletes the passage).
 */
export function cleanFieldText(value: string, field: TextField, options: { required?: boolean } = {}): CleanText {
  const required = options.required ?? field !== 'note';
  const max = MAX_LENGTH[field];
  // Far too long to be anything else: refuse before normalising megabytes.
  if (value.length > max * 4) return { ok: false, problem: 'too_long' };
  const normalised = value.replace(/\r\n?/g, '\n').normalize('NFC');
  // Judged before trimming: trim() would quietly drop a leading or trailing U+FEFF.
  const problem = characterProblem(normalised);
  if (problem) return { ok: false, problem };
  const text = field === 'replacement' ? normalised : normalised.trim();
  if (required && looksEmpty(text)) return { ok: false, problem: 'required' };
  if (countCharacters(text) > max) return { ok: false, problem: 'too_long' };
  return { ok: true, text };
}

/** The error code for a field's problem, as the API answers it. */
export const textErrorCode = (field: TextField, problem: TextProblem): TextErrorCode => `${field}_${problem}`;

/**
 * The problem of a one-line label others read (a document's title), if any: `invalid` for control
 * characters or any character this policy refuses in text (lone surrogates, bidi controls,
 * invisible fillers, …), `required` when nothing but whitespace and zero-width characters is left.
 */
export function labelTextProblem(value: string): 'invalid' | 'required' | null {
  // eslint-disable-next-line no-control-regex -- control characters (tab and newline included) are exactly what this refuses
  if (/[\u0000-\u001f]/.test(value) || characterProblem(value.normalize('NFC')) !== null) return 'invalid';
  return looksEmpty(value) ? 'required' : null;
}

/**
 * A guest's display name: the same characters as a person's name (lib/text/displayText.ts: no
 * control or bidi characters, at most 60 characters), NFC, one line, and visible. Codes are the
 * person name's: `name_required`, `name_too_long`, `name_invalid`, `name_affiliation`.
 */
export function cleanDisplayName(
  value: string,
): { readonly ok: true; readonly name: string } | { readonly ok: false; readonly code: string } {
  if (value.length > DISPLAY_NAME_MAX * 4) return { ok: false, code: 'name_too_long' };
  const problem = labelTextProblem(value);
  if (problem) return { ok: false, code: `name_${problem}` };
  const name = value.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (countCharacters(name) > DISPLAY_NAME_MAX) return { ok: false, code: 'name_too_long' };
  // A guest cannot speak for an organisation; a name that looks as if it did is refused.
  if (imitatesAffiliation(name)) return { ok: false, code: 'name_affiliation' };
  return { ok: true, name };
}

/**
 * An anchor for a passage of the body, given in plain-text offsets (documentText): two Yjs relative
 * positions plus a text quote (W3C TextQuoteSelector: the exact text and up to 32 characters either
 * side) for re-anchoring when the positions break (resolveAnchor).
 *
 * Associations (chosen so that typing at an edge never moves text into or out of the passage):
 * - start: assoc 0, i.e. the position sticks to the passage's first character. Text typed right
 *   before the passage goes before that character: outside.
 * - end: assoc -1, i.e. the position sticks to the passage's last character. Text typed right after
 *   the passage goes after that character: outside.
 * Text typed strictly inside the passage is inside it. Leading and trailing block separators ("\n")
 * are trimmed off the range: a passage does not start or end with a paragraph break.
 */
import * as Y from 'yjs';
import type { Anchor, RelativePositionJson } from '../model';
import { BODY_FRAGMENT } from '../../protocol';
import { documentText, type DocumentText } from './documentText';
import { MAX_QUOTE_LENGTH } from './quoteLimits';

/** Characters of context kept either side of the quoted passage. */
export const QUOTE_CONTEXT = 32;
export { MAX_QUOTE_LENGTH } from './quoteLimits';

export type AnchorRangeErrorCode =
  /** Offsets are not integers with 0 ≤ from < to ≤ text length. */
  | 'out_of_range'
  /** The range holds only whitespace and block separators. */
  | 'empty'
  /** The passage is longer than MAX_QUOTE_LENGTH. */
  | 'too_long';

export class AnchorRangeError extends Error {
  override readonly name = 'AnchorRangeError';
  constructor(readonly code: AnchorRangeErrorCode) {
    super(`Cannot anchor this range: ${code}`);
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The context before `from`, narrowed so that no surrogate pair is cut in half at its outer edge. */
function prefixOf(text: string, from: number): string {
  let start = Math.max(0, from - QUOTE_CONTEXT);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start += 1;
  return text.slice(start, from);
}

/** The context after `to`, likewise. */
function suffixOf(text: string, to: number): string {
  let end = Math.min(text.length, to + QUOTE_CONTEXT);
  if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(to, end);
}

/** The anchor for [from, to) of an already-read body (see anchorFromRange). */
export function anchorFromText(model: DocumentText, from: number, to: number): Anchor {
  const { text } = model;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > text.length || from >= to) {
    throw new AnchorRangeError('out_of_range');
  }
  while (from < to && text.charCodeAt(from) === 10) from++;
  while (to > from && text.charCodeAt(to - 1) === 10) to--;
  const exact = text.slice(from, to);
  if (!/\S/.test(exact)) throw new AnchorRangeError('empty');
  if (exact.length > MAX_QUOTE_LENGTH) throw new AnchorRangeError('too_long');
  const start = model.locate(from, 'start');
  const end = model.locate(to, 'end');
  if (!start || !end) throw new AnchorRangeError('out_of_range');
  return {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(start.type, start.index, 0)) as RelativePositionJson,
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)) as RelativePositionJson,
    quote: { prefix: prefixOf(text, from), exact, suffix: suffixOf(text, to) },
  };
}

/**
 * The anchor for the plain-text range [from, to) of the body of `ydoc`.
 * Throws AnchorRangeError when the range is out of bounds, holds no text, or is too long.
 */
export function anchorFromRange(ydoc: Y.Doc, from: number, to: number): Anchor {
  return anchorFromText(documentText(ydoc.getXmlFragment(BODY_FRAGMENT)), from, to);
}

/**
 * The changes the accepted suggestions of a version's høringsnotat made: the version's body compared
 * with the next version's (or the current draft's) exactly as the compare view compares them
 * (compareBodies, so the numbers are the page's `#change-<n>`), and each suggestion matched to its
 * change (matchSuggestionChanges), by its wording and where its passage was in the old body.
 * Pure; the comparison is the costly part (a long body takes a fraction of a second), so callers
 * run it only when the notat has accepted suggestions.
 */
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { compareBodies, type BodyComparison } from '../../versions/compare/compareBodies';
import type { StoredComment, TextQuote } from '../model';
import { commonPrefix, commonSuffix } from '../anchors/contextAgreement';
import { matchSuggestionChanges, type TextSpan } from './matchSuggestionChanges';
import { inSpan, type VersionSpan } from './versionSpan';

/** Occurrences of a quote weighed at most (a one-word quote in a long body). */
const MAX_OCCURRENCES = 1000;

/** The accepted suggestions a version's notat shows: visible thread roots in its span. */
export function acceptedSuggestions(comments: readonly StoredComment[], span: VersionSpan): StoredComment[] {
  return comments.filter(
    (c) =>
      c.parentId === null &&
      c.kind === 'suggestion' &&
      c.anchor !== null &&
      c.decision?.decision === 'accepted' &&
      c.deletedAt === undefined &&
      c.moderation.state === 'visible' &&
      inSpan(span, c),
  );
}

/** Suggestion id → change index; empty when a body cannot be read in the editor's schema. */
export function suggestionChanges(suggestions: readonly StoredComment[], oldBody: JSONContent, newBody: JSONContent): Map<string, number> {
  if (suggestions.length === 0) return new Map();
  let comparison: BodyComparison;
  try {
    comparison = compareBodies(oldBody, newBody);
  } catch {
    return new Map();
  }
  const { oldDoc, changes } = comparison;
  const oldText = plainTextTo(oldDoc, oldDoc.content.size);
  const positions = new Map(changes.map((change) => [change.index, change]));
  return matchSuggestionChanges(
    suggestions.map((s) => ({
      id: s.id,
      quote: s.anchor!.quote.exact,
      replacement: s.replacement ?? '',
      at: locateQuote(oldText, s.anchor!.quote),
    })),
    changes,
    {
      locate(change) {
        const found = positions.get(change.index);
        return found ? { from: plainTextTo(oldDoc, found.fromA).length, to: plainTextTo(oldDoc, found.toA).length } : null;
      },
    },
  );
}

/** The body's plain text up to a position, as documentText counts it: text blocks as lines, inline nodes as a space. */
function plainTextTo(doc: PMNode, to: number): string {
  return doc.textBetween(0, to, '\n', (node) => (node.isInline ? ' ' : ''));
}

/**
 * Where a quote is in a text: of its occurrences, the one whose surroundings agree longest with
 * the quote's prefix and suffix (the first of equals); null when it does not occur.
 */
export function locateQuote(text: string, quote: TextQuote): TextSpan | null {
  const exact = quote.exact;
  if (exact === '') return null;
  let best: { at: number; score: number } | null = null;
  let seen = 0;
  for (let at = text.indexOf(exact); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1), seen++) {
    const score = commonSuffix(text, at, quote.prefix) + commonPrefix(text, at + exact.length, quote.suffix);
    if (!best || score > best.score) best = { at, score };
  }
  return best ? { from: best.at, to: best.at + exact.length } : null;
}

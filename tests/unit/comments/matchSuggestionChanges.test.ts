/** Matching accepted suggestions to the changes of a comparison: on changes compareBodies really makes, and on hand-made lists. */
import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { compareBodies } from '../../../lib/versions/compare/compareBodies';
import { containsWords, matchSuggestionChanges, type ChangeToMatch } from '../../../lib/comments/report/matchSuggestionChanges';
import { locateQuote, suggestionChanges } from '../../../lib/comments/report/suggestionChanges';
import type { StoredComment } from '../../../lib/comments/model';
import { translator } from '../../../lib/i18n/translator';
import { renderComparison } from '../../../lib/versions/compare/renderComparison';

const doc = (...paragraphs: string[]): JSONContent => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const change = (index: number, deletedText: string, insertedText: string): ChangeToMatch => ({
  index,
  kind: deletedText === '' ? 'insert' : insertedText === '' ? 'delete' : 'replace',
  deletedText,
  insertedText,
});

/** A stored accepted suggestion on `exact` (with its context in `text`). */
function suggestion(id: string, text: string, exact: string, replacement: string, occurrence = 0): StoredComment {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  return {
    id,
    documentId: 'd',
    threadId: id,
    parentId: null,
    kind: 'suggestion',
    anchor: {
      start: { type: null, tname: null, item: null, assoc: 0 },
      end: { type: null, tname: null, item: null, assoc: -1 },
      quote: { prefix: text.slice(Math.max(0, at - 32), at), exact, suffix: text.slice(at + exact.length, at + exact.length + 32) },
    },
    text: '',
    replacement,
    author: { kind: 'person', id: 'p', name: 'P' },
    createdAt: '2027-03-02T10:00:00.000Z',
    decision: { decision: 'accepted', reason: '', by: { id: 's', name: 'S' }, at: '2027-03-03T10:00:00.000Z' },
    supporters: [],
    reports: [],
    moderation: { state: 'visible' },
  } as unknown as StoredComment;
}

describe('matchSuggestionChanges', () => {
  it('matches a word-level change inside a longer suggestion: "grøn park" → "blå park" deletes "grøn" and inserts "blå"', () => {
    const { changes } = compareBodies(doc('Vi anlægger en grøn park ved havnen.'), doc('Vi anlægger en blå park ved havnen.'));
    expect(changes).toMatchObject([{ deletedText: 'grøn', insertedText: 'blå' }]);
    const matches = matchSuggestionChanges([{ id: 's1', quote: 'grøn park', replacement: 'blå park' }], changes);
    expect([...matches]).toEqual([['s1', changes[0]!.index]]);
  });

  it('matches a few words replaced at once: the diff joins them into one change, the common word kept', () => {
    const before = doc('Legepladsen flyttes til den gamle fiskehal. Parkering foran rådhuset nedlægges.');
    const after = doc('Legepladsen flyttes til det nye kulturhus. Parkering foran rådhuset nedlægges.');
    const { changes } = compareBodies(before, after);
    expect(changes.map((c) => [c.deletedText, c.insertedText])).toEqual([['den gamle fiskehal', 'det nye kulturhus']]);
    const text = 'Legepladsen flyttes til den gamle fiskehal. Parkering foran rådhuset nedlægges.';
    const s = suggestion('s', text, 'til den gamle fiskehal', 'til det nye kulturhus');
    expect([...suggestionChanges([s], before, after)]).toEqual([['s', 1]]);
    // Where the notat's link lands (#change-1): the deleted words, then the inserted ones beside them.
    const rendered = renderComparison(compareBodies(before, after), 'inline', translator('da'));
    expect(rendered.view === 'inline' && rendered.html).toContain(
      '<del class="compare-del" id="change-1" tabindex="-1"><span class="visually-hidden"> Slettet: </span>den gamle fiskehal</del><ins class="compare-ins"><span class="visually-hidden"> Indsat: </span>det nye kulturhus</ins>',
    );
  });

  it('prefers a change that fits on both sides, and never gives two suggestions the same change when another fits', () => {
    const changes = [change(1, 'grøn', ''), change(2, 'grøn', 'blå'), change(3, 'gammel', 'ny')];
    // s1 fits 2 on both sides and 1 on its deleted side; s2 fits 2 only on its deleted side… and 1.
    const matches = matchSuggestionChanges(
      [
        { id: 's1', quote: 'grøn park', replacement: 'blå park' },
        { id: 's2', quote: 'den grøn bænk', replacement: 'den bænk' },
        { id: 's3', quote: 'gammel   bro', replacement: 'ny\nbro' },
      ],
      changes,
    );
    expect(Object.fromEntries(matches)).toEqual({ s1: 2, s2: 1, s3: 3 });
  });

  it('moves an earlier suggestion to another change that fits it, so a later one gets the only change it fits', () => {
    const changes = [change(1, 'rød', 'gul'), change(2, 'rød', 'gul')];
    const matches = matchSuggestionChanges(
      [
        { id: 'a', quote: 'rød bil', replacement: 'gul bil' },
        { id: 'b', quote: 'rød cykel', replacement: 'gul cykel' },
      ],
      changes,
    );
    expect(new Set(matches.values())).toEqual(new Set([1, 2]));
  });

  it('handles deletions and insertions only: an empty side fits, deleting the whole passage fits best', () => {
    const changes = [change(1, '', 'meget '), change(2, 'hele afsnittet', ''), change(3, 'gammel', '')];
    const matches = matchSuggestionChanges(
      [
        { id: 'insert', quote: 'stor park', replacement: 'meget stor park' },
        { id: 'delete', quote: 'hele afsnittet', replacement: '' },
        { id: 'shorten', quote: 'den gammel bro', replacement: 'den bro' },
      ],
      changes,
    );
    expect(Object.fromEntries(matches)).toEqual({ insert: 1, delete: 2, shorten: 3 });
  });

  it('gives no change when none fits, ignores changes of format alone, and does not cut words', () => {
    const changes: ChangeToMatch[] = [
      { index: 1, kind: 'format', deletedText: 'park', insertedText: 'park' },
      change(2, 'en', 'et'),
      change(3, 'hus', 'slot'),
    ];
    const matches = matchSuggestionChanges([{ id: 's', quote: 'den grønne park', replacement: 'det grønnet park' }], changes);
    expect(matches.size).toBe(0);
    expect(containsWords('den grønne park', 'grønne')).toBe(true);
    expect(containsWords('den grønne park', 'en')).toBe(false);
    expect(containsWords('grøn, park', 'grøn,')).toBe(true);
    expect(containsWords('grøn, park', 'grøn')).toBe(true);
  });

  it('uses where the passage was: the same words changed elsewhere are another edit', () => {
    const text = 'Første afsnit om en grøn park.\nAndet afsnit om en grøn park.';
    const before = doc('Første afsnit om en grøn park.', 'Andet afsnit om en grøn park.');
    const after = doc('Første afsnit om en blå park.', 'Andet afsnit om en blå park.');
    // The suggestion was on the second paragraph's words (its context says so).
    const second = suggestion('s2', text, 'grøn park', 'blå park', 1);
    const matches = suggestionChanges([second], before, after);
    const { changes } = compareBodies(before, after);
    expect(changes).toHaveLength(2);
    expect(matches.get('s2')).toBe(2);
    // Only the first paragraph's words changed: the second paragraph's suggestion has no change of its own.
    expect(suggestionChanges([second], before, doc('Første afsnit om en blå park.', 'Andet afsnit om en grøn park.')).size).toBe(0);
    expect(locateQuote(text, second.anchor!.quote)).toEqual({ from: text.lastIndexOf('grøn park'), to: text.lastIndexOf('grøn park') + 9 });
  });

  it('gives no change for a body the schema cannot read, and none without suggestions', () => {
    const bad = { type: 'doc', content: [{ type: 'nosuchnode' }] } as JSONContent;
    const s = suggestion('s', 'en grøn park', 'grøn', 'blå');
    expect(suggestionChanges([s], bad, doc('en blå park')).size).toBe(0);
    expect(suggestionChanges([], doc('en grøn park'), doc('en blå park')).size).toBe(0);
  });
});

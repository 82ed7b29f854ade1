import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { parseAnchor } from '../../../lib/comments/anchors/parseAnchor';
import { resolveAnchor } from '../../../lib/comments/anchors/resolveAnchor';
import type { Anchor } from '../../../lib/comments/model';
import { paragraphs, seededDoc } from './anchorsFixtures';

const BODY = paragraphs('Høringen løber til 1. marts.', 'Svar sendes til kommunen.');

function validAnchor(): Anchor {
  const doc = seededDoc(BODY);
  return JSON.parse(JSON.stringify(anchorFromRange(doc, 9, 18))) as Anchor;
}

const withStart = (start: unknown) => ({ ...validAnchor(), start });
const withQuote = (quote: Record<string, unknown>) => ({ ...validAnchor(), quote: { ...validAnchor().quote, ...quote } });

describe('parseAnchor', () => {
  it('accepts what anchorFromRange makes, after a trip through JSON', () => {
    const anchor = validAnchor();
    expect(anchor.quote.exact).toBe('løber til');
    expect(parseAnchor(anchor)).toEqual(anchor);
    expect(parseAnchor({ ...anchor, start: { tname: 'default', assoc: -1 } })).not.toBeNull();
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'anchor'],
    ['an array', [1, 2]],
    ['an empty object', {}],
    ['no quote', { start: validAnchor().start, end: validAnchor().end }],
    ['an unknown key', { ...validAnchor(), extra: 1 }],
    ['an unknown key in a position', withStart({ ...validAnchor().start, evil: true })],
    ['a position with neither type nor name', withStart({ item: { client: 1, clock: 2 } })],
    ['a position with both type and name', withStart({ tname: 'default', type: { client: 1, clock: 2 } })],
    ['another root type', withStart({ tname: 'comments' })],
    ['a fractional clock', withStart({ type: { client: 1, clock: 1.5 } })],
    ['a negative client', withStart({ type: { client: -1, clock: 0 } })],
    ['an unsafe integer', withStart({ type: { client: 2 ** 60, clock: 0 } })],
    ['a clock as a string', withStart({ type: { client: 1, clock: '0' } })],
    ['an infinite clock', withStart({ type: { client: 1, clock: Infinity } })],
    ['assoc 1', withStart({ tname: 'default', assoc: 1 })],
    ['an empty quote', withQuote({ exact: '' })],
    ['a whitespace quote', withQuote({ exact: ' \n\t' })],
    ['a quote over 2,000 characters', withQuote({ exact: 'x'.repeat(2001) })],
    ['a prefix over 64 characters', withQuote({ prefix: 'x'.repeat(65) })],
    ['a suffix over 64 characters', withQuote({ suffix: 'x'.repeat(65) })],
    ['a quote that is not a string', withQuote({ exact: 42 })],
    [
      'a __proto__ key',
      JSON.parse(
        `{"start":{"tname":"default"},"end":{"tname":"default"},"quote":{"prefix":"","exact":"x","suffix":""},"__proto__":{"polluted":true}}`,
      ),
    ],
  ])('refuses %s', (_name, json) => {
    expect(parseAnchor(json)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts the size limits exactly', () => {
    expect(parseAnchor(withQuote({ exact: 'x'.repeat(2000), prefix: 'p'.repeat(64), suffix: 's'.repeat(64) }))).not.toBeNull();
  });
});

describe('resolving anchors the document does not know', () => {
  it('re-anchors an anchor made on another copy of the text by its quote', () => {
    const other = seededDoc(BODY); // Same text, other Yjs ids.
    expect(resolveAnchor(other, validAnchor())).toMatchObject({ status: 'reanchored', text: 'løber til' });
  });

  it('orphans well-formed anchors whose ids are unknown and whose quote is not there', () => {
    const doc = seededDoc(BODY);
    const unknown = { type: { client: 123, clock: 4_000_000 }, item: { client: 123, clock: 4_000_001 }, assoc: 0 };
    const anchor = parseAnchor({ start: unknown, end: { ...unknown, assoc: -1 }, quote: { prefix: '', exact: 'ikke her', suffix: '' } })!;
    expect(anchor).not.toBeNull();
    expect(resolveAnchor(doc, anchor)).toEqual({ status: 'orphaned', from: -1, to: -1, text: 'ikke her' });
  });

  it('ignores positions in other parts of the document and never creates root types', () => {
    const doc = seededDoc(BODY);
    const notes = doc.getText('notes');
    notes.insert(0, 'andet indhold');
    const elsewhere = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(notes, 2)) as Anchor['start'];
    const anchor: Anchor = { start: elsewhere, end: elsewhere, quote: { prefix: 'Høringen ', exact: 'løber til', suffix: ' 1. marts' } };
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'reanchored', text: 'løber til' });

    // Not through parseAnchor: resolveAnchor itself must not let a position name a root type into existence.
    const rootsBefore = [...doc.share.keys()];
    const hostile = { ...anchor, start: { tname: 'evil' }, end: {} } as unknown as Anchor;
    expect(resolveAnchor(doc, hostile)).toMatchObject({ status: 'reanchored' });
    expect([...doc.share.keys()]).toEqual(rootsBefore);
  });

  it('re-anchors an anchor whose positions both name the end of the body', () => {
    const doc = seededDoc(BODY);
    const end = { tname: 'default' };
    expect(resolveAnchor(doc, { start: end, end, quote: { prefix: '', exact: 'Svar sendes', suffix: '' } })).toMatchObject({
      status: 'reanchored',
      text: 'Svar sendes',
    });
  });

  it('resolves against an empty document without throwing', () => {
    expect(resolveAnchor(new Y.Doc(), validAnchor())).toEqual({ status: 'orphaned', from: -1, to: -1, text: 'løber til' });
  });
});

describe('anchorFromRange quotes', () => {
  it('never cut a surrogate pair in half at the outer edge of the context', () => {
    const emoji = '😀'.repeat(40);
    const doc = seededDoc(paragraphs(`a${emoji}bmidtc${emoji}`));
    const anchor = anchorFromRange(doc, 82, 86);
    expect(anchor.quote.exact).toBe('midt');
    expect(anchor.quote.prefix).toBe(`${'😀'.repeat(15)}b`);
    expect(anchor.quote.suffix).toBe(`c${'😀'.repeat(15)}`);
    expect(parseAnchor(JSON.parse(JSON.stringify(anchor)))).toEqual(anchor);
  });
});

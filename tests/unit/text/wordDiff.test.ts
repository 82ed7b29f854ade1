import { describe, expect, it } from 'vitest';
import { tokenize, wordDiff } from '../../../lib/text/wordDiff';

const side = (parts: ReturnType<typeof wordDiff>, keep: 'removed' | 'added') =>
  parts
    .filter((part) => part.kind === 'same' || part.kind === keep)
    .map((part) => part.text)
    .join('');

describe('wordDiff', () => {
  it('marks the changed word only', () => {
    expect(wordDiff('Der skal være fem bænke i parken.', 'Der skal være seks bænke i parken.')).toEqual([
      { kind: 'same', text: 'Der skal være ' },
      { kind: 'removed', text: 'fem' },
      { kind: 'added', text: 'seks' },
      { kind: 'same', text: ' bænke i parken.' },
    ]);
  });

  it('handles insertions, deletions and empty sides', () => {
    expect(wordDiff('', 'ny tekst')).toEqual([{ kind: 'added', text: 'ny tekst' }]);
    expect(wordDiff('gammel tekst', '')).toEqual([{ kind: 'removed', text: 'gammel tekst' }]);
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
    const parts = wordDiff('en to tre', 'en tre fire');
    expect(side(parts, 'removed')).toBe('en to tre');
    expect(side(parts, 'added')).toBe('en tre fire');
  });

  it('reconstructs both texts for any input', () => {
    const pairs: [string, string][] = [
      ['Æbler, pærer og blommer.', 'Pærer, æbler og blommer!'],
      ['a  b\tc\nd', 'a b c d e'],
      ['<script>alert(1)</script>', '<b>fed</b>'],
    ];
    for (const [before, after] of pairs) {
      const parts = wordDiff(before, after);
      expect(side(parts, 'removed')).toBe(before);
      expect(side(parts, 'added')).toBe(after);
    }
  });

  it('falls back to replace-all for very long texts', () => {
    const before = 'ord '.repeat(1500);
    const after = 'andet '.repeat(1500);
    expect(wordDiff(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });

  it('tokenizes words, spaces and punctuation', () => {
    expect(tokenize('Hej, verden!  ok')).toEqual(['Hej', ',', ' ', 'verden', '!', '  ', 'ok']);
  });
});

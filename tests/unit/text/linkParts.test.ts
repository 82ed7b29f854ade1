import { describe, expect, it } from 'vitest';
import { linkParts } from '../../../lib/text/linkParts';

const join = (parts: ReturnType<typeof linkParts>) => parts.map((part) => part.text).join('');

describe('linkParts', () => {
  it('keeps text without addresses as one text part', () => {
    expect(linkParts('Godt forslag, men hvad med cykelstien?')).toEqual([{ kind: 'text', text: 'Godt forslag, men hvad med cykelstien?' }]);
    expect(linkParts('')).toEqual([]);
  });

  it('finds http and https addresses and leaves sentence punctuation outside', () => {
    const parts = linkParts('Se https://kommune.dk/plan. Og (http://eksempel.dk/a?b=1), tak!');
    expect(parts).toEqual([
      { kind: 'text', text: 'Se ' },
      { kind: 'link', text: 'https://kommune.dk/plan', href: 'https://kommune.dk/plan' },
      { kind: 'text', text: '. Og (' },
      { kind: 'link', text: 'http://eksempel.dk/a?b=1', href: 'http://eksempel.dk/a?b=1' },
      { kind: 'text', text: '), tak!' },
    ]);
  });

  it('keeps a closing bracket that belongs to the address', () => {
    const parts = linkParts('Læs https://da.wikipedia.org/wiki/Aarhus_(by).');
    expect(parts[1]).toEqual({
      kind: 'link',
      text: 'https://da.wikipedia.org/wiki/Aarhus_(by)',
      href: 'https://da.wikipedia.org/wiki/Aarhus_(by)',
    });
    expect(parts[2]).toEqual({ kind: 'text', text: '.' });
  });

  it('never links other schemes or markup', () => {
    for (const text of [
      'javascript:alert(1)',
      '<a href="https://x.dk">x</a> <script>alert(1)</script>',
      'data:text/html,hej',
      'ftp://x.dk',
    ]) {
      const parts = linkParts(text);
      expect(join(parts)).toBe(text);
      for (const part of parts) if (part.kind === 'link') expect(part.href).toMatch(/^https?:\/\/[^<>"]+$/);
    }
    expect(linkParts('javascript:alert(1)').every((part) => part.kind === 'text')).toBe(true);
    expect(linkParts('https:// mellemrum').every((part) => part.kind === 'text')).toBe(true);
  });

  it('joins back to the original text', () => {
    const text = 'a https://a.dk b http://b.dk/x_(y) c https://c.dk/?q="x" d';
    expect(join(linkParts(text))).toBe(text);
  });
});

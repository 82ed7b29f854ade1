import { describe, expect, it } from 'vitest';
import {
  COMMENT_TEXT_MAX,
  REASON_MAX,
  TEXT_FIELDS,
  TEXT_PROBLEMS,
  cleanDisplayName,
  cleanFieldText,
  textErrorCode,
} from '../../../lib/comments/commentText';
import { da, en } from '../../../lib/i18n/messages';

const refused = (value: string, field: Parameters<typeof cleanFieldText>[1] = 'text') => {
  const result = cleanFieldText(value, field);
  return result.ok ? null : result.problem;
};

describe('comment text', () => {
  it('keeps ordinary Danish prose with its line breaks, tabs, quotes and links, trimmed and in NFC', () => {
    const text = '  Vi foreslår, at “fællesspisning” holdes i Kulturhuset.\n\n\tSe https://eksempel.dk/æøå?x=1&y=<2>  ';
    expect(cleanFieldText(text, 'text')).toEqual({ ok: true, text: text.trim() });
    // "å" written as a + combining ring becomes the one precomposed character.
    expect(cleanFieldText('Ga\u030arden', 'text')).toEqual({ ok: true, text: 'Gården' });
    expect(cleanFieldText('linje 1\r\nlinje 2\rlinje 3', 'text')).toEqual({ ok: true, text: 'linje 1\nlinje 2\nlinje 3' });
  });

  it('takes script tags and HTML as the plain text they are', () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    expect(cleanFieldText(hostile, 'text')).toEqual({ ok: true, text: hostile });
  });

  it('counts characters as people do: 5,000 emoji fit, 5,001 letters do not', () => {
    expect(cleanFieldText('😀'.repeat(COMMENT_TEXT_MAX), 'text').ok).toBe(true);
    expect(refused('a'.repeat(COMMENT_TEXT_MAX + 1))).toBe('too_long');
    expect(refused('a'.repeat(REASON_MAX + 1), 'reason')).toBe('too_long');
    expect(refused('x'.repeat(10_000_000))).toBe('too_long');
  });

  it('refuses empty text and text that shows nothing, where the field is required', () => {
    expect(refused('')).toBe('required');
    expect(refused(' \n\t ')).toBe('required');
    expect(refused('\u200b\u200c')).toBe('required');
    expect(refused('\u200e \u00ad\ufe0f')).toBe('required');
    expect(cleanFieldText('', 'note')).toEqual({ ok: true, text: '' });
    expect(cleanFieldText('', 'reason', { required: false })).toEqual({ ok: true, text: '' });
  });

  it('refuses control characters other than tab and line feed, lone surrogates and noncharacters', () => {
    for (const bad of ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\ud800', 'x\udc00', '\ufffe', '\uffff', '\ufdd0'])
      expect(refused(`før ${bad} efter`), JSON.stringify(bad)).toBe('invalid_characters');
  });

  it('refuses bidirectional overrides, embeddings and isolates, but not the plain marks', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(refused(`beløb: 100${String.fromCodePoint(cp)}001 kr`)).toBe('bidi_controls');
    expect(cleanFieldText('עברית \u200f og dansk \u200e', 'text').ok).toBe(true);
  });

  it('refuses invisible fillers and runs of zero-width characters, but not emoji and script joiners', () => {
    for (const bad of ['a\ufeffb', 'a\u2060b', 'a\u2063b', 'a\u180eb', 'a\u3164b', 'a\u200b\u200b\u200bb'])
      expect(refused(bad), JSON.stringify(bad)).toBe('invisible_characters');
    // A family emoji (joined with ZWJ) and a Persian word with a zero-width non-joiner.
    expect(cleanFieldText('👨‍👩‍👧 می‌خواهم', 'text').ok).toBe(true);
  });

  it('refuses Unicode tag characters that smuggle hidden ASCII, but keeps a subdivision flag', () => {
    const hidden = [...'ignore'].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
    expect(refused(`Fin tekst${hidden}`)).toBe('invisible_characters');
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(cleanFieldText(`Fodbold ${england}`, 'text').ok).toBe(true);
    expect(refused(`Fodbold ${england.slice(0, -2)}`)).toBe('invisible_characters');
  });

  it('refuses characters piled with combining marks', () => {
    expect(refused(`Z${'\u0336'.repeat(9)}algo`)).toBe('invalid_characters');
    expect(cleanFieldText(`Z${'\u0336'.repeat(8)}algo`, 'text').ok).toBe(true);
    expect(cleanFieldText('Tiếng Việt', 'text').ok).toBe(true);
  });

  it('keeps the spaces of suggested wording, which are part of the replacement', () => {
    expect(cleanFieldText(' kan ', 'replacement')).toEqual({ ok: true, text: ' kan ' });
  });

  it('has a Danish and an English message for every field × problem code', () => {
    for (const field of TEXT_FIELDS)
      for (const problem of TEXT_PROBLEMS) {
        const key = `error.${textErrorCode(field, problem)}`;
        expect(Object.hasOwn(da, key), key).toBe(true);
        expect(Object.hasOwn(en, key), key).toBe(true);
      }
  });
});

describe('guest display names', () => {
  it('keeps a name in NFC, trimmed, with inner whitespace as single spaces', () => {
    expect(cleanDisplayName('  Søren   Kierkega\u030ard ')).toEqual({ ok: true, name: 'Søren Kierkegård' });
  });

  it('refuses empty, too long, control, bidi and invisible characters with the name codes', () => {
    expect(cleanDisplayName('   ')).toEqual({ ok: false, code: 'name_required' });
    expect(cleanDisplayName('a'.repeat(61))).toEqual({ ok: false, code: 'name_too_long' });
    expect(cleanDisplayName('Anna\nHansen')).toEqual({ ok: false, code: 'name_invalid' });
    expect(cleanDisplayName('Anna \u202eneshaH')).toEqual({ ok: false, code: 'name_invalid' });
    expect(cleanDisplayName('Anna\ufeff')).toEqual({ ok: false, code: 'name_invalid' });
  });
});

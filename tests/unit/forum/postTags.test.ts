import { describe, expect, it } from 'vitest';
import { MAX_TAGS, normaliseTag, normaliseTags, splitTagField } from '../../../lib/forum/postTags';
import { postTagsSchema } from '../../../lib/forum/forumSchemas';

describe('normaliseTags', () => {
  it('trims, lower-cases (Danish letters too), collapses spaces, drops a leading # and duplicates', () => {
    expect(normaliseTags(['  Samskabelse ', 'ÆBLER  OG   Ø', '#Frivillige', 'samskabelse'])).toEqual({
      ok: true,
      tags: ['samskabelse', 'æbler og ø', 'frivillige'],
    });
    expect(normaliseTags([])).toEqual({ ok: true, tags: [] });
    expect(normaliseTag('  ')).toBeNull();
  });

  it('takes 32 characters (counted as characters, not UTF-16 units) and refuses 33', () => {
    expect(normaliseTags(['ø'.repeat(32)])).toMatchObject({ ok: true });
    expect(normaliseTags(['a'.repeat(33)])).toEqual({ ok: false, code: 'tag_too_long' });
  });

  it('takes 8 tags, refuses 9 different ones, but counts duplicates once', () => {
    const eight = Array.from({ length: MAX_TAGS }, (_, i) => `emne ${i}`);
    expect(normaliseTags(eight)).toMatchObject({ ok: true });
    expect(normaliseTags([...eight, 'ni'])).toEqual({ ok: false, code: 'too_many_tags' });
    expect(normaliseTags([...eight, 'EMNE 0'])).toMatchObject({ ok: true });
  });

  it('refuses what is not a list of non-empty strings, and invisible or control characters', () => {
    expect(normaliseTags('samskabelse')).toEqual({ ok: false, code: 'tags_invalid' });
    expect(normaliseTags([1])).toEqual({ ok: false, code: 'tags_invalid' });
    expect(normaliseTags(['ok', ' '])).toEqual({ ok: false, code: 'tag_empty' });
    expect(normaliseTags(['a\u0000b'])).toEqual({ ok: false, code: 'tag_invalid' });
    expect(normaliseTags(['a\u202Eb'])).toEqual({ ok: false, code: 'tag_invalid' });
  });

  it('splits the form field on commas, semicolons and lines', () => {
    expect(splitTagField('samskabelse, frivillige;  ,\nbadebro')).toEqual(['samskabelse', 'frivillige', 'badebro']);
  });

  it('is what the API schema answers, with the same codes', () => {
    expect(postTagsSchema.parse({ tags: [' A ', 'a'] })).toEqual({ tags: ['a'] });
    const refused = postTagsSchema.safeParse({ tags: ['x'.repeat(40)] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('tag_too_long');
    expect(postTagsSchema.safeParse({ tags: 'x' }).error?.issues[0]?.message).toBe('tags_invalid');
  });
});

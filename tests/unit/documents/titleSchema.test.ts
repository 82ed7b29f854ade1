/** Titles follow the text policy: nothing but zero-width characters is missing, a lone surrogate is refused (issue 10). */
import { describe, expect, it } from 'vitest';
import { createDocumentSchema, firstIssueCode, renameDocumentSchema } from '../../../app/_shared/schemas';
import { apiCreateDocumentSchema, apiMintTokenSchema } from '../../../lib/platformApi/schemas';

const SCHEMAS = {
  create: (title: string) => createDocumentSchema.safeParse({ title, template: 'blank' }),
  rename: (title: string) => renameDocumentSchema.safeParse({ title }),
  'platform create': (title: string) => apiCreateDocumentSchema.safeParse({ title }),
  'platform token': (title: string) => apiMintTokenSchema.safeParse({ doc: 'd1', access: 'edit', sub: 's', name: 'Ulla', title }),
};

const codeOf = (parsed: { success: true } | { success: false; error: Parameters<typeof firstIssueCode>[0] }) =>
  parsed.success ? 'ok' : firstIssueCode(parsed.error);

describe.each(Object.entries(SCHEMAS))('the %s schema', (_name, parse) => {
  it('refuses a title of nothing but zero-width characters and spaces as missing', () => {
    for (const title of ['\u200b', '\u200b\u200c', ' \u200d ', '\u200b \u200b', '', '\u200e', '\u00ad\u00ad', '\ufe0f'])
      expect(codeOf(parse(title))).toBe('title_required');
  });

  it('refuses lone surrogates, invisible fillers and bidi controls as invalid characters', () => {
    for (const title of ['Plan \ud800', '\udc00Plan', 'Plan \ud83d for byen', 'Plan\u2060', '\u3164', 'Plan \u202e', 'Plan\u0007'])
      expect(codeOf(parse(title))).toBe('title_invalid');
  });

  it('takes ordinary titles, emoji and a single joiner as before', () => {
    for (const title of ['Fællesspisning i Kulturhuset', 'Plan 😀 for byen', 'Familie 👩‍👧', 'Høring: “Grøn plan” – 2027'])
      expect(codeOf(parse(title))).toBe('ok');
    expect(codeOf(parse('x'.repeat(121)))).toBe('title_too_long');
  });
});

import { describe, expect, it } from 'vitest';
import { checkPublishForm, newIdempotencyKey } from '../../../app/_versions/publishForm';
import { VERSION_SUMMARY_MAX } from '../../../lib/versions/model';

const first = { summaryRequired: false, currentTitle: 'Politik for samskabelse' };
const later = { summaryRequired: true, currentTitle: 'Politik for samskabelse' };

describe('checkPublishForm', () => {
  it('lets the first publication go without "Hvad er ændret", and sends no title when it is unchanged', () => {
    expect(checkPublishForm({ summary: '  ', title: ' Politik for samskabelse ' }, first)).toEqual({ ok: true, body: { summary: '' } });
  });

  it('requires "Hvad er ændret" after a published version', () => {
    expect(checkPublishForm({ summary: ' \n ', title: 'Politik for samskabelse' }, later)).toEqual({
      ok: false,
      field: 'summary',
      code: 'summary_required',
    });
    expect(checkPublishForm({ summary: ' Afsnit 3 er omskrevet. ', title: 'Politik for samskabelse' }, later)).toEqual({
      ok: true,
      body: { summary: 'Afsnit 3 er omskrevet.' },
    });
  });

  it('refuses a summary over the limit', () => {
    const long = 'x'.repeat(VERSION_SUMMARY_MAX + 1);
    expect(checkPublishForm({ summary: long, title: 'Politik for samskabelse' }, first)).toMatchObject({
      ok: false,
      code: 'summary_too_long',
    });
  });

  it('sends a changed title (publishing renames), and refuses an empty one with the title codes', () => {
    expect(checkPublishForm({ summary: '', title: 'Politik for samskabelse 2027' }, first)).toEqual({
      ok: true,
      body: { summary: '', title: 'Politik for samskabelse 2027' },
    });
    expect(checkPublishForm({ summary: '', title: '   ' }, first)).toEqual({ ok: false, field: 'title', code: 'title_required' });
  });
});

describe('newIdempotencyKey', () => {
  it('makes a new 128-bit key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../lib/i18n/formatDate';

describe('formatDate', () => {
  it('gives the date alone, in Danish time', () => {
    expect(formatDate('2026-12-04T13:05:00Z', 'da')).toBe('4. dec. 2026');
    // 23:30 UTC on 31 December is already the new year in Copenhagen.
    expect(formatDate('2026-12-31T23:30:00Z', 'da')).toBe('1. jan. 2027');
    expect(formatDate('2026-12-04T13:05:00Z', 'en')).toBe('4 Dec 2026');
  });
});

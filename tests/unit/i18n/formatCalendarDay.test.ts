import { describe, expect, it } from 'vitest';
import { formatCalendarDay } from '../../../lib/i18n/formatCalendarDay';

describe('formatCalendarDay', () => {
  it('spells the day out with the month in words, day first, in both languages', () => {
    expect(formatCalendarDay('2026-12-15', 'da')).toBe('15. december 2026');
    expect(formatCalendarDay('2026-12-15', 'en')).toBe('15 December 2026');
    // No time zone shift at either end of the year.
    expect(formatCalendarDay('2027-01-01', 'da')).toBe('1. januar 2027');
    expect(formatCalendarDay('2026-12-31', 'en')).toBe('31 December 2026');
  });

  it('gives null for what is not a whole, real day', () => {
    for (const value of ['', '2026-12', '2026-02-30', '15-12-2026', '2026-13-01', 'x']) expect(formatCalendarDay(value, 'da')).toBeNull();
  });
});

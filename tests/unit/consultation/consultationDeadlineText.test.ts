import { describe, expect, it } from 'vitest';
import { consultationDeadlineText } from '../../../app/_consultation/consultationDeadlineText';
import { t, translator } from '../../../lib/i18n/translator';

const now = new Date('2026-11-20T12:00:00Z');
const en = translator('en');

describe('consultationDeadlineText (the start page’s line beside the phase)', () => {
  it('says until when, in Danish and English, with the year only when it is not this year’s', () => {
    const running = { state: 'consultation' as const, opensAt: null, closesAt: '2026-12-15T22:59:59.000Z' };
    expect(consultationDeadlineText(running, now, t, 'da')).toBe('Høring til 15. dec.');
    expect(consultationDeadlineText(running, now, en, 'en')).toBe('Consultation until 15 Dec');
    const nextYear = { ...running, closesAt: '2027-01-10T12:00:00Z' };
    expect(consultationDeadlineText(nextYear, now, t, 'da')).toBe('Høring til 10. jan. 2027');
  });

  it('says when a consultation opens, and that it closed', () => {
    expect(consultationDeadlineText({ state: 'consultation', opensAt: '2026-12-01T00:00:00+01:00', closesAt: null }, now, t, 'da')).toBe(
      'Høring fra 1. dec.',
    );
    expect(consultationDeadlineText({ state: 'consultation', opensAt: null, closesAt: '2026-11-01T00:00:00Z' }, now, en, 'en')).toBe(
      'The consultation is closed',
    );
  });

  it('adds nothing to the badge outside a consultation or without dates', () => {
    expect(consultationDeadlineText({ state: 'consultation', opensAt: null, closesAt: null }, now, t, 'da')).toBeNull();
    expect(consultationDeadlineText({ state: 'draft', opensAt: null, closesAt: '2026-12-15T12:00:00Z' }, now, t, 'da')).toBeNull();
    expect(consultationDeadlineText({ state: 'final', opensAt: null, closesAt: '2026-11-01T12:00:00Z' }, now, t, 'da')).toBeNull();
  });
});

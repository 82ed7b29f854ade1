import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONSULTATION,
  changedConsultation,
  consultationResourceOf,
  consultationTiming,
  isConsultationOpen,
  withConsultationDefaults,
} from '../../../lib/access/consultation';
import { DENY_REASONS } from '../../../lib/access/decision';
import { da, en } from '../../../lib/i18n/messages';

const dates = { opensAt: '2027-03-01T08:00:00.000Z', closesAt: '2027-03-15T16:00:00.000Z' };

describe('a consultation’s dates', () => {
  it('are closed before the opening, open from it, and closed from the closing moment on', () => {
    expect(consultationTiming(dates, new Date('2027-03-01T07:59:59.999Z'))).toBe('before');
    expect(consultationTiming(dates, new Date('2027-03-01T08:00:00.000Z'))).toBe('open');
    expect(consultationTiming(dates, new Date('2027-03-15T15:59:59.999Z'))).toBe('open');
    expect(consultationTiming(dates, new Date('2027-03-15T16:00:00.000Z'))).toBe('after');
  });

  it('without dates are open for as long as the phase lasts', () => {
    expect(consultationTiming({ opensAt: null, closesAt: null }, new Date(0))).toBe('open');
    expect(isConsultationOpen('consultation', { opensAt: null, closesAt: null }, new Date())).toBe(true);
    expect(isConsultationOpen('in_review', { opensAt: null, closesAt: null }, new Date())).toBe(false);
    expect(isConsultationOpen('consultation', dates, new Date('2027-04-01T00:00:00.000Z'))).toBe(false);
  });

  it('become the resource’s timing, with the settings copied', () => {
    expect(consultationResourceOf({ ...DEFAULT_CONSULTATION, ...dates }, new Date('2027-02-01T00:00:00.000Z'))).toEqual({
      ...DEFAULT_CONSULTATION,
      ...dates,
      timing: 'before',
    });
  });
});

describe('stored consultation settings', () => {
  it('get their defaults where a field is missing or of the wrong type (records from before issue 5)', () => {
    expect(withConsultationDefaults(undefined)).toEqual(DEFAULT_CONSULTATION);
    expect(withConsultationDefaults({ guestsMayComment: true })).toEqual({ ...DEFAULT_CONSULTATION, guestsMayComment: true });
    expect(withConsultationDefaults({ opensAt: 42 as unknown as string, citizensMayComment: 'ja' as unknown as boolean })).toEqual(
      DEFAULT_CONSULTATION,
    );
    expect(DEFAULT_CONSULTATION).toEqual({
      opensAt: null,
      closesAt: null,
      citizensMayComment: true,
      organisationsMayComment: true,
      guestsMayComment: false,
    });
  });
});

describe('changing the settings', () => {
  it('keeps what the change leaves out, and refuses a closing that is not after the opening', () => {
    const current = { ...DEFAULT_CONSULTATION, ...dates };
    expect(changedConsultation(current, { guestsMayComment: true })).toEqual({
      ok: true,
      settings: { ...current, guestsMayComment: true },
    });
    expect(changedConsultation(current, { closesAt: null })).toEqual({ ok: true, settings: { ...current, closesAt: null } });
    expect(changedConsultation(current, { closesAt: dates.opensAt })).toEqual({ ok: false, code: 'closes_before_opens' });
    expect(changedConsultation(current, { opensAt: '2027-04-01T00:00:00.000Z' })).toEqual({ ok: false, code: 'closes_before_opens' });
  });
});

describe('refusal messages', () => {
  it('has a Danish and an English message for every reason can() refuses with (the API answers with them)', () => {
    const missing = DENY_REASONS.filter((reason) => !Object.hasOwn(da, `error.${reason}`) || !Object.hasOwn(en, `error.${reason}`));
    expect(missing).toEqual([]);
  });
});

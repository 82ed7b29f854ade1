/** digestPeriod: the digest due at a moment, at 07:00 Copenhagen time, across the DST changes. */
import { describe, expect, it } from 'vitest';
import { digestPeriod, localHourInstant } from '../../../lib/notifications/digestPeriod';

const ZONE = 'Europe/Copenhagen';
const at = (iso: string) => new Date(iso);
const period = (kind: 'daily' | 'weekly', iso: string, hour = 7) => {
  const found = digestPeriod(kind, at(iso), hour, ZONE);
  return { key: found.key, dueAt: found.dueAt.toISOString() };
};

describe('digestPeriod (daily)', () => {
  it('is due at 07:00 local: 06:00Z in winter, 05:00Z in summer', () => {
    expect(period('daily', '2026-12-07T06:00:00.000Z')).toEqual({ key: 'daily:2026-12-07', dueAt: '2026-12-07T06:00:00.000Z' });
    expect(period('daily', '2026-12-07T05:59:59.999Z')).toEqual({ key: 'daily:2026-12-06', dueAt: '2026-12-06T06:00:00.000Z' });
    expect(period('daily', '2026-07-01T05:00:00.000Z')).toEqual({ key: 'daily:2026-07-01', dueAt: '2026-07-01T05:00:00.000Z' });
    expect(period('daily', '2026-07-01T04:59:00.000Z')).toEqual({ key: 'daily:2026-06-30', dueAt: '2026-06-30T05:00:00.000Z' });
  });

  it('late in the evening UTC is already the next local day', () => {
    // 23:30Z on 7 December is 00:30 on 8 December in Copenhagen: the due digest is still the 7th's.
    expect(period('daily', '2026-12-07T23:30:00.000Z').key).toBe('daily:2026-12-07');
  });

  it('across the spring change (29 March 2026, a 23-hour day): 07:00 CET the day before, 07:00 CEST on the day', () => {
    expect(period('daily', '2026-03-29T04:59:59.000Z')).toEqual({ key: 'daily:2026-03-28', dueAt: '2026-03-28T06:00:00.000Z' });
    expect(period('daily', '2026-03-29T05:00:00.000Z')).toEqual({ key: 'daily:2026-03-29', dueAt: '2026-03-29T05:00:00.000Z' });
    // The two due moments are 23 hours apart: one digest each, none skipped, none doubled.
    expect(Date.parse('2026-03-29T05:00:00.000Z') - Date.parse('2026-03-28T06:00:00.000Z')).toBe(23 * 3600_000);
  });

  it('across the autumn change (25 October 2026, a 25-hour day)', () => {
    expect(period('daily', '2026-10-25T05:59:00.000Z')).toEqual({ key: 'daily:2026-10-24', dueAt: '2026-10-24T05:00:00.000Z' });
    expect(period('daily', '2026-10-25T06:00:00.000Z')).toEqual({ key: 'daily:2026-10-25', dueAt: '2026-10-25T06:00:00.000Z' });
  });

  it('an hour the clock skips is due when the gap ends; an hour it shows twice, at the later one', () => {
    expect(localHourInstant({ year: 2026, month: 3, day: 29 }, 2, ZONE).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(localHourInstant({ year: 2026, month: 10, day: 25 }, 2, ZONE).toISOString()).toBe('2026-10-25T01:00:00.000Z');
    expect(localHourInstant({ year: 2026, month: 10, day: 25 }, 1, ZONE).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(localHourInstant({ year: 2026, month: 3, day: 29 }, 1, ZONE).toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });
});

describe('digestPeriod (weekly)', () => {
  it('is due on Mondays at 07:00 local, named by the Monday', () => {
    // 7 December 2026 is a Monday.
    expect(period('weekly', '2026-12-07T06:00:00.000Z')).toEqual({ key: 'weekly:2026-12-07', dueAt: '2026-12-07T06:00:00.000Z' });
    expect(period('weekly', '2026-12-07T05:00:00.000Z')).toEqual({ key: 'weekly:2026-11-30', dueAt: '2026-11-30T06:00:00.000Z' });
    expect(period('weekly', '2026-12-13T22:59:00.000Z')).toEqual({ key: 'weekly:2026-12-07', dueAt: '2026-12-07T06:00:00.000Z' });
    // Sunday 23:00Z is Monday 00:00 in Copenhagen, before the hour: still last week's.
    expect(period('weekly', '2026-12-13T23:00:00.000Z').key).toBe('weekly:2026-12-07');
  });

  it('the week with the spring change: the Monday after is at 07:00 CEST', () => {
    expect(period('weekly', '2026-03-30T05:00:00.000Z')).toEqual({ key: 'weekly:2026-03-30', dueAt: '2026-03-30T05:00:00.000Z' });
    expect(period('weekly', '2026-03-30T04:59:00.000Z')).toEqual({ key: 'weekly:2026-03-23', dueAt: '2026-03-23T06:00:00.000Z' });
  });

  it('follows the configured hour', () => {
    expect(period('daily', '2026-12-07T17:00:00.000Z', 18)).toEqual({ key: 'daily:2026-12-07', dueAt: '2026-12-07T17:00:00.000Z' });
    expect(period('daily', '2026-12-07T16:59:00.000Z', 18).key).toBe('daily:2026-12-06');
  });
});

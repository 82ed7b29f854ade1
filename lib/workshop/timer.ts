/**
 * The workshop timer: what remains of a section's time, and when to tell a screen reader about it.
 * The time shown changes every second; announcing each second would flood a screen reader, so only
 * a few moments are announced (one minute left, time is up). Pure: the clock is passed in.
 */
import type { WorkshopMode } from './model';

/** Milliseconds left of the section's time (negative once it has run over). */
export function remainingMs(mode: WorkshopMode, now: number): number {
  return mode.startedAt + mode.minutes * 60_000 - now;
}

/** "m:ss" for what is left, or for how much it ran over ("-m:ss"). */
export function clockText(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export type TimerMoment = 'one_minute' | 'time_up';

/** The moment crossed between two readings of the remaining time, if any (the later one wins). */
export function momentCrossed(before: number, after: number): TimerMoment | null {
  if (before > 0 && after <= 0) return 'time_up';
  if (before > 60_000 && after <= 60_000 && after > 0) return 'one_minute';
  return null;
}

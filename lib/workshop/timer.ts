/**
 * The workshop timer: what remains of a section's time, and when to tell a screen reader about it.
 * The time shown changes every second; announcing each second would flood a screen reader, so only
 * a few moments are announced (one minute left, time is up). Pure: the clock is passed in.
 *
 * Clocks differ between computers, so a follower must not count down from the facilitator's start
 * time with its own clock (a clock five minutes fast would show five minutes less). The shared mode
 * carries the section's length (minutes) and the facilitator's start; each client anchors the end
 * of that run on its OWN clock when it first sees the run start live (anchorTimer), and counts down
 * to that end. Only a client that was not there when the section started (it opened the document
 * later, or was offline) has nothing better than the facilitator's start time, never more than the
 * whole time.
 */
import type { WorkshopMode } from './model';

/** Where this client's countdown of one run (a section started by the facilitator) ends, by its own clock. */
export interface TimerAnchor {
  /** Which run: the facilitator, the section, the start and the minutes (runOf). */
  readonly run: string;
  /** Milliseconds since the epoch, by this client's clock. */
  readonly endsAt: number;
}

/** The section's whole time in milliseconds. */
export const durationMs = (mode: WorkshopMode): number => mode.minutes * 60_000;

/** A run's identity: a new section, a restart or other minutes make a new run. */
export const runOf = (mode: WorkshopMode): string => JSON.stringify([mode.facilitator.id, mode.section, mode.startedAt, mode.minutes]);

/**
 * The anchor for the mode as this client sees it at `now` (its own clock). The same run keeps its
 * anchor. A run seen starting (`live`: this client's own write, or another's arriving while it was
 * connected and up to date) ends one whole section's time from now. A run that was going before
 * this client saw it ends its time after the facilitator's start, read on this clock, and never
 * later than one whole time from now.
 */
export function anchorTimer(mode: WorkshopMode | null, previous: TimerAnchor | null, now: number, live: boolean): TimerAnchor | null {
  if (!mode) return null;
  const run = runOf(mode);
  if (previous?.run === run) return previous;
  return { run, endsAt: (live ? now : Math.min(mode.startedAt, now)) + durationMs(mode) };
}

/** Milliseconds left of the section's time (negative once it has run over), by the clock that anchored it. */
export function remainingMs(anchor: TimerAnchor, now: number): number {
  return anchor.endsAt - now;
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

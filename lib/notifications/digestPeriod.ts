/**
 * Which digest period is due at a moment: daily digests go out at `hour`:00 local time every day,
 * weekly ones at `hour`:00 on Mondays, in the product's time zone (Europe/Copenhagen), so a digest
 * comes at seven in the morning in winter and in summer alike. A period is named by its local date
 * (`daily:2026-12-07`, `weekly:2026-12-07` for the week starting that Monday): one digest per person
 * and period, whichever node or restart sends it.
 */
export type DigestKind = 'daily' | 'weekly';

export interface DigestPeriod {
  /** `daily:YYYY-MM-DD` or `weekly:YYYY-MM-DD` (the Monday). */
  readonly key: string;
  /** The moment it became due (what it lists happened before it). */
  readonly dueAt: Date;
}

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The local calendar date, hour and ISO weekday (Monday 1) of an instant. */
function localParts(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? '') + 1,
  };
}

/** Local time minus UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the local clock shows `hour`:00 on a date. An hour the clock skips (the
 * spring change) gives the first instant after the gap; an hour it shows twice, the later one.
 */
export function localHourInstant(date: LocalDate, hour: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour);
  // The offsets a day before and after (a zone changes at most once in between): the instant is
  // the wall time minus one of them, whichever the clock agrees with.
  const DAY = 24 * 60 * 60 * 1000;
  const candidates = [wall - offsetAt(wall - DAY, timeZone), wall - offsetAt(wall + DAY, timeZone)];
  const shown = candidates.filter((instant) => instant + offsetAt(instant, timeZone) === wall);
  return new Date(Math.max(...(shown.length > 0 ? shown : candidates)));
}

const addDays = (date: LocalDate, days: number): LocalDate => {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
};
const dateKey = (date: LocalDate) =>
  `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/** The latest period of the kind due at `now` (its due moment at or before `now`). */
export function digestPeriod(kind: DigestKind, now: Date, hour: number, timeZone: string): DigestPeriod {
  const local = localParts(now.getTime(), timeZone);
  // Today (daily) or this week's Monday (weekly); the one before when its hour has not come yet.
  let date = addDays(local, kind === 'daily' ? 0 : 1 - local.weekday);
  let dueAt = localHourInstant(date, hour, timeZone);
  if (dueAt.getTime() > now.getTime()) {
    date = addDays(date, kind === 'daily' ? -1 : -7);
    dueAt = localHourInstant(date, hour, timeZone);
  }
  return { key: `${kind}:${dateKey(date)}`, dueAt };
}

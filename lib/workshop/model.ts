/**
 * A document's workshop state (issue 14), kept in the Y.Map WORKSHOP_MAP beside the body so every
 * editor sees it live and it is stored like the text: which good questions a group has ticked off
 * (who, when), and the facilitator's workshop mode (the section the group is on, its timer).
 *
 * The map's values come from other clients: every read here checks their shape and ignores what
 * does not fit. Only people who may edit the document can write it (the sync server refuses
 * updates from readers and commenters), so "ticked by" names the editor whose browser wrote it.
 * Browser-safe; no Yjs import (the adapters pass plain entries).
 */

/** Who did something, as their browser said (an editor of the document). */
export interface WorkshopPerson {
  readonly id: string;
  readonly name: string;
}

export interface Tick {
  readonly by: WorkshopPerson;
  /** Milliseconds since the epoch, by the ticking browser's clock. */
  readonly at: number;
}

/** The workshop mode: a facilitator moves the group from section to section, each with a timer. */
export interface WorkshopMode {
  readonly facilitator: WorkshopPerson;
  /** The section (its key, sectionKey of its heading) the group is on. */
  readonly section: string;
  /** When the group came to this section, by the facilitator's clock. */
  readonly startedAt: number;
  /** Minutes planned per section (1–120). */
  readonly minutes: number;
}

export const MODE_KEY = 'mode';
const TICK_PREFIX = 'check:';
export const MAX_MINUTES = 120;
const MAX_NAME = 120;
const MAX_KEY = 200;

export const tickKey = (section: string, questionId: string): string => `${TICK_PREFIX}${section}:${questionId}`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

function personOf(value: unknown): WorkshopPerson | null {
  if (!isObject(value)) return null;
  const { id, name } = value;
  if (typeof id !== 'string' || typeof name !== 'string' || id.length === 0 || id.length > MAX_KEY) return null;
  const trimmed = name.trim().slice(0, MAX_NAME);
  return trimmed.length === 0 ? null : { id, name: trimmed };
}

export function tickOf(value: unknown): Tick | null {
  if (!isObject(value) || !isTime(value.at)) return null;
  const by = personOf(value.by);
  return by ? { by, at: value.at } : null;
}

export function modeOf(value: unknown): WorkshopMode | null {
  if (!isObject(value)) return null;
  const facilitator = personOf(value.facilitator);
  const { section, startedAt, minutes } = value;
  if (!facilitator || typeof section !== 'string' || section.length > MAX_KEY || !isTime(startedAt)) return null;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) return null;
  return { facilitator, section, startedAt, minutes };
}

export interface WorkshopView {
  readonly mode: WorkshopMode | null;
  /** Ticks by tickKey. */
  readonly ticks: ReadonlyMap<string, Tick>;
}

/** The map's entries as the panel shows them; entries of the wrong shape are left out. */
export function workshopView(entries: Iterable<readonly [string, unknown]>): WorkshopView {
  let mode: WorkshopMode | null = null;
  const ticks = new Map<string, Tick>();
  for (const [key, value] of entries) {
    if (key === MODE_KEY) mode = modeOf(value);
    else if (key.startsWith(TICK_PREFIX) && key.length <= MAX_KEY) {
      const tick = tickOf(value);
      if (tick) ticks.set(key, tick);
    }
  }
  return { mode, ticks };
}

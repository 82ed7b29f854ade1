/**
 * Different colours for the people in a document at the same time, chosen in each browser from
 * what awareness shows (pure, so the rules are unit-tested without a browser):
 * - a person keeps their current colour unless someone else has it too; of two people with the
 *   same colour, the one whose (lowest) awareness client id is lower keeps it, the other moves;
 * - a person who moves takes the first free palette colour from their preferred one on (their
 *   stable colour, colourFor(id)), never one another person already has;
 * - one person's tabs (same name and preferred colour) share the colour of their lowest client id.
 * Every browser applies the same rules to the same states, so a collision is resolved once.
 */
import { PERSON_COLOURS, isPersonColour } from '../auth/colourFor';

/** Who this browser is in awareness: its name and its preferred (stable) colour. */
export interface SelfColour {
  readonly name: string;
  readonly preferred: string;
}

interface Entry {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  /** The server-set stable colour (absent in states that did not pass the server: treated as `color`). */
  readonly preferred: string;
}

function entryOf(clientId: number, state: unknown): Entry | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, color, preferredColor } = user as { name?: unknown; color?: unknown; preferredColor?: unknown };
  if (typeof name !== 'string' || !isPersonColour(color)) return null;
  const preferred = isPersonColour(preferredColor) ? preferredColor.toLowerCase() : color.toLowerCase();
  return { clientId, name: name.trim(), color: color.toLowerCase(), preferred };
}

/** The same person: same name and same stable colour (the server sets both). */
export const samePersonKey = (name: string, preferred: string): string => `${preferred.toLowerCase()}\u0000${name.trim()}`;

/**
 * The colour this browser (client `self`) should show, given every awareness state (its own
 * included, if set). Returns its current colour when nothing needs to change.
 */
export function resolveColour(
  states: ReadonlyMap<number, unknown>,
  self: number,
  me: SelfColour,
  palette: readonly string[] = PERSON_COLOURS,
): string {
  const myKey = samePersonKey(me.name, me.preferred);
  const preferred = me.preferred.toLowerCase();
  const own = entryOf(self, states.get(self));
  const current = own?.color ?? preferred;

  // My other tabs: the one with the lowest client id decides.
  let leader: Entry | null = null;
  /** Per colour, the lowest client id of another person showing it. */
  const taken = new Map<string, number>();
  for (const [clientId, state] of states) {
    if (clientId === self) continue;
    const entry = entryOf(clientId, state);
    if (!entry) continue;
    if (samePersonKey(entry.name, entry.preferred) === myKey) {
      if (clientId < self && (!leader || clientId < leader.clientId)) leader = entry;
      continue;
    }
    taken.set(entry.color, Math.min(entry.clientId, taken.get(entry.color) ?? Infinity));
  }
  if (leader) return leader.color;

  const holder = taken.get(current);
  if (holder === undefined || holder > self) return current;
  const start = Math.max(0, palette.indexOf(preferred));
  for (let i = 0; i < palette.length; i++) {
    const candidate = palette[(start + i) % palette.length];
    if (candidate !== undefined && !taken.has(candidate)) return candidate;
  }
  // More people than colours: the names on carets and in the list still tell them apart.
  return current;
}

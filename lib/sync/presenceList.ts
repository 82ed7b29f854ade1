/**
 * "Hvem er her": the people in a document, from Yjs awareness states. Pure, so the list's rules
 * (valid entries only, one entry per person, you first) are unit-tested without a browser.
 */

export interface PresentPerson {
  /** Stable key for lists: the lowest awareness client id of this person. */
  readonly key: number;
  readonly name: string;
  /** #rrggbb */
  readonly color: string;
  readonly isSelf: boolean;
  /** One or two letters from the name: a mark beyond colour, shown on the swatch. */
  readonly initials: string;
  /** Open tabs or devices of this person in the document. */
  readonly connections: number;
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** "Anna Jensen" → "AJ", "Bo" → "B", "Foreningen Grøn By" → "FB". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (!first) return '';
  const letter = (word: string) => [...word][0]?.toLocaleUpperCase('da') ?? '';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return letter(first) + (last ? letter(last) : '');
}

function userOf(state: unknown): { name: string; color: string; preferred: string } | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, color } = user as { name?: unknown; color?: unknown };
  if (typeof name !== 'string' || name.trim() === '' || typeof color !== 'string' || !COLOUR.test(color)) return null;
  const { preferredColor } = user as { preferredColor?: unknown };
  const preferred = typeof preferredColor === 'string' && COLOUR.test(preferredColor) ? preferredColor : color;
  return { name: name.trim().slice(0, 100), color: color.toLowerCase(), preferred: preferred.toLowerCase() };
}

/**
 * One entry per person (same name and stable colour, `user.preferredColor`; the server sets both
 * from the session or token), shown in the colour of their lowest client id (their tabs follow
 * it, lib/sync/presenceColour.ts), you first, then by name (Danish collation).
 */
export function presenceList(states: ReadonlyMap<number, unknown>, selfClientId: number): PresentPerson[] {
  const people = new Map<string, { key: number; name: string; color: string; isSelf: boolean; initials: string; connections: number }>();
  for (const [clientId, state] of states) {
    const user = userOf(state);
    if (!user) continue;
    const id = `${user.preferred}\u0000${user.name}`;
    const person = people.get(id);
    if (person) {
      if (clientId < person.key) {
        person.key = clientId;
        person.color = user.color;
      }
      person.isSelf ||= clientId === selfClientId;
      person.connections += 1;
    } else {
      const { name, color } = user;
      people.set(id, { key: clientId, name, color, isSelf: clientId === selfClientId, initials: initialsOf(name), connections: 1 });
    }
  }
  const collator = new Intl.Collator('da');
  return [...people.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || collator.compare(a.name, b.name) || a.key - b.key);
}

/** Whether two lists show the same thing (so a store can keep its snapshot). */
export function samePresence(a: readonly PresentPerson[], b: readonly PresentPerson[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        person.key === other.key &&
        person.name === other.name &&
        person.color === other.color &&
        person.isSelf === other.isSelf &&
        person.connections === other.connections
      );
    })
  );
}

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
  /** Open tabs or devices of this person in the document. */
  readonly connections: number;
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

function userOf(state: unknown): { name: string; color: string } | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { name, color } = user as { name?: unknown; color?: unknown };
  if (typeof name !== 'string' || name.trim() === '' || typeof color !== 'string' || !COLOUR.test(color)) return null;
  return { name: name.trim().slice(0, 100), color: color.toLowerCase() };
}

/**
 * One entry per person (same name and colour; the server sets both from the session or token),
 * you first, then by name (Danish collation).
 */
export function presenceList(states: ReadonlyMap<number, unknown>, selfClientId: number): PresentPerson[] {
  const people = new Map<string, { key: number; name: string; color: string; isSelf: boolean; connections: number }>();
  for (const [clientId, state] of states) {
    const user = userOf(state);
    if (!user) continue;
    const id = `${user.color}\u0000${user.name}`;
    const person = people.get(id);
    if (person) {
      person.key = Math.min(person.key, clientId);
      person.isSelf ||= clientId === selfClientId;
      person.connections += 1;
    } else {
      people.set(id, { key: clientId, ...user, isSelf: clientId === selfClientId, connections: 1 });
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

/**
 * Attributed history (issue 12): who first delivered each piece of a document's body.
 *
 * The sync server stamps every update it stores with the author of the connection that delivered
 * it (never a name the client wrote): which (Yjs client id, clock range) pairs were NEW to the
 * document, by whom, when. The stamp is stored in the same durable record as the update
 * (DocumentStore `append(id, update, stamp)`), and compaction stores the folded table beside the
 * snapshot, so attribution has exactly the update's durability.
 */

/**
 * Who made an update, as the server knows them: `person:<personId>` (`…/org:<organisationId>` while
 * acting on behalf of an organisation), `key:<apiKeyId>` (a platform
 * token minted through an API key), `platform` (another platform's token without a key),
 * `server` (the server itself, e.g. a restored version), `guest`, `template` (the body a document
 * was created with: its template, or the content the platform created it with).
 */
export type AuthorKey = string;

export const SERVER_AUTHOR: AuthorKey = 'server';
export const PLATFORM_AUTHOR: AuthorKey = 'platform';
export const GUEST_AUTHOR: AuthorKey = 'guest';
export const TEMPLATE_AUTHOR: AuthorKey = 'template';

/** Clocks [from, to) of one Yjs client. */
export interface ClockRange {
  readonly client: number;
  readonly from: number;
  readonly to: number;
}

/** One stored update's stamp: its author, the server's time (ms), and the ranges that were new. */
export interface Stamp {
  readonly by: AuthorKey;
  readonly at: number;
  readonly ranges: readonly ClockRange[];
}

/** A folded range: contiguous clocks of one client by one author, written between `at` and `last`. */
export interface AttributedRange extends ClockRange {
  readonly by: AuthorKey;
  readonly at: number;
  readonly last: number;
}

/** Stored updates of one author less than SESSION_GAP_MS apart: one session. */
export interface AuthorSession {
  readonly by: AuthorKey;
  readonly from: number;
  readonly to: number;
  /** Stored updates (each a keystroke burst, a paste, a deletion …). */
  readonly edits: number;
}

/** Two edits of one author further apart than this start a new session. */
export const SESSION_GAP_MS = 30 * 60_000;

/** Between a person's id and the organisation they wrote on behalf of: ids never hold it. */
const ON_BEHALF = '/org:';

/** A person's key; `person:<id>/org:<organisationId>` while they act on behalf of an organisation. */
export const personAuthor = (personId: string, organisationId?: string | null): AuthorKey =>
  organisationId ? `person:${personId}${ON_BEHALF}${organisationId}` : `person:${personId}`;
export const apiKeyAuthor = (keyId: string): AuthorKey => `key:${keyId}`;

/** The person id in an author key (on behalf of an organisation or not), or null for anything else. */
export function personIdOf(by: AuthorKey): string | null {
  if (!by.startsWith('person:')) return null;
  const rest = by.slice('person:'.length);
  const at = rest.indexOf(ON_BEHALF);
  return at < 0 ? rest : rest.slice(0, at);
}

/** The organisation a person's key writes on behalf of, or null. */
export function organisationIdOf(by: AuthorKey): string | null {
  if (!by.startsWith('person:')) return null;
  const at = by.indexOf(ON_BEHALF);
  return at < 0 ? null : by.slice(at + ON_BEHALF.length);
}

/** The API key id in an author key, or null for anything else. */
export function apiKeyIdOf(by: AuthorKey): string | null {
  return by.startsWith('key:') ? by.slice('key:'.length) : null;
}

/** What `GET /api/documents/<id>/authorship` answers (docs/API.md). Times are ISO 8601. */

/**
 * Whose a range is: a person (`personId`), a person since deleted (`former`: "Tidligere deltager",
 * no id), an API key (by its label), another platform's token (`platform`), the server (`server`),
 * a guest, the text a document was created with (`template`: its template or imported content), or
 * `unknown` (written before attribution existed, or never stamped).
 */
export type AuthorKind = 'person' | 'former' | 'apiKey' | 'platform' | 'server' | 'guest' | 'template' | 'unknown';

export interface AuthorRef {
  readonly kind: AuthorKind;
  readonly personId: string | null;
  /** Resolved when read (a renamed person shows their new name); Danish for the kinds without one. */
  readonly name: string;
  /** The organisation a person wrote on behalf of (its name now); absent or null otherwise. */
  readonly organisation?: string | null;
}

export interface AuthorshipRange extends AuthorRef {
  /** ProseMirror positions in the body, [from, to). */
  readonly from: number;
  readonly to: number;
  /** When it was first stored; null when unknown. */
  readonly at: string | null;
}

export interface Contributor extends AuthorRef {
  /** Characters (and leaf nodes) of the current body they wrote. */
  readonly chars: number;
  readonly firstAt: string;
  readonly lastAt: string;
}

export interface AuthorshipSessionView extends AuthorRef {
  readonly from: string;
  readonly to: string;
  readonly edits: number;
}

export interface Authorship {
  readonly ranges: AuthorshipRange[];
  readonly contributors: Contributor[];
  readonly sessions: AuthorshipSessionView[];
}

/** The names shown for authors that have none of their own (the UI translates by `kind`). */
export const AUTHOR_NAMES = {
  former: 'Tidligere deltager',
  platform: 'Anden platform',
  server: 'Samskriv (serveren)',
  guest: 'Gæst',
  template: 'Skabelon',
  unknown: 'Ukendt',
} as const;

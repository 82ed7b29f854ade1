/**
 * Published versions of a document (issue 9). A version is the document frozen at one moment:
 * numbered per document (1, 2, …, never reused), immutable once stored. Two kinds share one
 * number sequence: the consultation draft ("Høringsudkast", frozen when a consultation opens, so
 * every comment belongs to the version it was made on) and the published version ("Udgivet", the
 * outcome, frozen when the document is published).
 */
import type { JSONContent } from '@tiptap/core';
import type { DocumentState } from '../access/model';
import type { PersonRef } from '../storage/MetadataStore';

export const VERSION_KINDS = ['consultation_draft', 'published'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** Longest "Hvad er ændret" summary, in characters. */
export const VERSION_SUMMARY_MAX = 2000;

/** What lists, feeds and the API show of a version (no content). */
export interface VersionSummary {
  readonly documentId: string;
  /** 1, 2, … per document; never reused. */
  readonly number: number;
  readonly kind: VersionKind;
  /** The document's title as published. */
  readonly title: string;
  /** "Hvad er ændret" (may be empty for a consultation draft). */
  readonly summary: string;
  /** ISO 8601. */
  readonly publishedAt: string;
  readonly publishedBy: PersonRef;
  /** The phase the document was in when this version froze it (the phase it closes). */
  readonly closesPhase: DocumentState;
  /** `sha256-<hex>` of the title and body (contentHash.ts): equal content, equal hash. */
  readonly hash: string;
}

/** The frozen content, stored together once and never changed. */
export interface VersionContent {
  /** `Y.encodeStateAsUpdate` of the document at that moment. */
  readonly yjsState: Uint8Array;
  /** The body as ProseMirror JSON (`{ type: 'doc', content: [...] }`). */
  readonly body: JSONContent;
  /** The body rendered as HTML, as the editor shows it. */
  readonly html: string;
}

/**
 * Who wrote a version's text, as its readers see it: frozen when the version is stored (names as
 * they were then, most text first), so a page or an export never needs the document's history.
 * `person` (by display name; `organisation` when they wrote on behalf of one), `former` (a person
 * since deleted), `apiKey` (a platform's key, by the name an admin gave it), `platform` (another
 * platform without a key), `server` (e.g. a restore without a person), `guest`, `template` (the
 * text a document started with). Never an e-mail, an id of a key, or how much or when anyone wrote.
 */
export const VERSION_CONTRIBUTOR_KINDS = ['person', 'former', 'apiKey', 'platform', 'server', 'guest', 'template'] as const;
export type VersionContributorKind = (typeof VERSION_CONTRIBUTOR_KINDS)[number];

export interface VersionContributor {
  readonly kind: VersionContributorKind;
  /** A person's id (kept so a deleted account reads "Tidligere deltager"; never shown); null for the rest. */
  readonly personId: string | null;
  /** A person's or an API key's name as it was; the kind's own word for the rest (shown translated). */
  readonly name: string;
  /** The organisation a person wrote on behalf of, by its name then; null otherwise. */
  readonly organisation: string | null;
}

/** At most this many contributors are kept per version (most text first). */
export const VERSION_CONTRIBUTORS_MAX = 500;

export interface DocumentVersion extends VersionSummary {
  readonly content: VersionContent;
  /**
   * Who wrote its text, frozen with it; null (or absent) for a version stored before they were
   * recorded (the page then works them out from the history, or shows none).
   */
  readonly contributors?: readonly VersionContributor[] | null;
}

/** What a store is given to keep: the version plus the key that made it (for idempotent retries). */
export interface NewVersion extends DocumentVersion {
  /** The `Idempotency-Key` of the request that published it; null without one. */
  readonly idempotencyKey: string | null;
}

/**
 * Search (issue 14): what is indexed and what a search answers. A hit is a document or one comment
 * on it (`post` is kept for the forum: a document whose workspace is a forum). Browser-safe types.
 */
import type { DocumentState } from '../access/model';

export const SEARCH_KINDS = ['document', 'comment', 'post'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One indexed unit: a document's title and body, or one comment's words (text, suggestion, answer). */
export interface SearchEntry {
  /** `d:<documentId>` or `c:<commentId>` (searchEntryId). */
  readonly id: string;
  readonly kind: SearchKind;
  readonly documentId: string;
  /** Comments only. */
  readonly commentId?: string;
  /** The document's title for documents; '' for comments (a title word finds the document, not each comment). */
  readonly title: string;
  readonly text: string;
  readonly workspaceId: string | null;
  readonly state: DocumentState;
  readonly tags?: readonly string[];
  /** Comments hidden by a moderator: found only by those who may moderate the document. */
  readonly hidden?: boolean;
}

export const documentEntryId = (documentId: string): string => `d:${documentId}`;
export const commentEntryId = (commentId: string): string => `c:${commentId}`;

/** The filters a search may carry (all optional). */
export interface SearchFilters {
  readonly workspaceId?: string;
  readonly kind?: SearchKind;
  readonly state?: DocumentState;
  readonly tag?: string;
}

export interface SearchRequest extends SearchFilters {
  /** The words, as typed (1–200 characters). */
  readonly q: string;
  /** 1–50. */
  readonly limit: number;
}

/** A plain-text excerpt and where the matched words are in it ([start, end) UTF-16 offsets). */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly (readonly [number, number])[];
}

export interface SearchHit {
  readonly kind: SearchKind;
  readonly documentId: string;
  readonly commentId?: string;
  /** The document's title as it is now (from its metadata, never from the index). */
  readonly title: string;
  readonly titleHighlights: readonly (readonly [number, number])[];
  readonly snippet: string;
  readonly highlights: readonly (readonly [number, number])[];
  readonly score: number;
  readonly workspaceId: string | null;
  readonly state: DocumentState;
}

export interface SearchResults {
  readonly results: readonly SearchHit[];
  /** True when more readable hits may exist beyond `limit`. */
  readonly more: boolean;
}

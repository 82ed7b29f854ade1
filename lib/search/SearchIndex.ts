/**
 * Where search entries live, behind one contract: the embedded MiniSearch index
 * (server/search/MiniSearchIndex.ts) and PostgreSQL's `danish` text search
 * (server/search/PgSearchIndex.ts). The index finds and ranks; it does not decide access:
 * createSearchService asks can() about every candidate before anything of it is shown.
 */
import type { ParsedQuery } from './parseQuery';
import type { SearchEntry, SearchFilters, SearchKind } from './model';
import type { DocumentState } from '../access/model';

export interface SearchCandidate {
  readonly id: string;
  readonly kind: SearchKind;
  readonly documentId: string;
  readonly commentId?: string;
  readonly score: number;
  readonly hidden?: boolean;
  /** The index's terms (stems) that matched, when the index says (fuzzy and prefix matches included). */
  readonly terms?: readonly string[];
}

/** What a document's entries carry from its metadata (kept current on rename and phase changes). */
export interface DocumentFields {
  readonly title: string;
  readonly workspaceId: string | null;
  readonly state: DocumentState;
  readonly tags?: readonly string[];
}

/** Per document: what the index last saw (to find what a start must index again). */
export interface IndexedMark {
  /** The document's `updatedAt` when its body was indexed. */
  readonly updatedAt: string;
  /** The comment revision indexed (0: none). */
  readonly commentsRevision: number;
}

export interface SearchIndex {
  /** Adds or replaces the document's own entry, with the `updatedAt` it was read at. */
  putDocument(entry: SearchEntry, updatedAt: string): Promise<void>;
  /** Replaces every comment entry of the document with these. */
  putComments(documentId: string, entries: readonly SearchEntry[], revision: number): Promise<void>;
  /** The document's title, workspace, phase or tags changed: its entries (comments too) follow; texts stay. */
  setDocumentFields(documentId: string, fields: DocumentFields): Promise<void>;
  /** The document and its comments leave the index. */
  removeDocument(documentId: string): Promise<void>;
  /** Candidates best first, at most `max`, matching the filters as the index knows them. */
  query(query: ParsedQuery, filters: SearchFilters, max: number): Promise<SearchCandidate[]>;
  /** The indexed title and text of these entries (snippets are cut from them). */
  texts(ids: readonly string[]): Promise<Map<string, { readonly title: string; readonly text: string }>>;
  /** What the index holds for one document; null when nothing. */
  mark(documentId: string): Promise<IndexedMark | null>;
  /** What the index holds per document (a start compares it with the documents). */
  marks(): Promise<Map<string, IndexedMark>>;
}

import type { ConsultationSettings, DocumentState, Grant, Visibility } from '../access/model';
import type { PostType } from '../forum/postTypes';

/**
 * Document metadata (the list on the start page). Implementations: MemoryMetadataStore (unit
 * tests) and LowMetadataStore (lowdb JSON in the data dir, one writer process).
 */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

export interface DocumentMeta {
  readonly id: string;
  readonly title: string;
  /** The template it was created from: 'projektforslag', 'blank', … */
  readonly template: string;
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: PersonRef;
  /** Bumped if the document body is ever reset or restored; clients with older history must not merge it back. */
  readonly epoch: number;
  /**
   * Every Yjs client id whose history a reset retired (all resets so far; absent before the first).
   * The sync server refuses updates from, referring to or deleting from these clients: a copy that
   * kept its pre-reset history must not merge it back, whether or not it names its epoch.
   */
  readonly retiredClients?: readonly number[];
  /** Who may do what: the fields of the document's access resource (lib/access/model.ts). */
  readonly workspaceId: string | null;
  readonly visibility: Visibility;
  readonly state: DocumentState;
  readonly grants: readonly Grant[];
  readonly consultation: ConsultationSettings;
  /**
   * Forum posts only (issue 14): what kind of post (absent: not a post), its tags (lib/forum/postTags.ts)
   * and the people who support it ("Synes godt om"), by person id.
   */
  readonly postType?: PostType;
  readonly tags?: readonly string[];
  readonly supporters?: readonly string[];
}

/**
 * What updateDocument may change (`createdBy`: only its name, when a deleted account is anonymised;
 * `workspaceId`: to null, when its workspace is removed).
 */
export type DocumentMetaPatch = Partial<
  Pick<
    DocumentMeta,
    | 'title'
    | 'workspaceId'
    | 'updatedAt'
    | 'epoch'
    | 'retiredClients'
    | 'visibility'
    | 'state'
    | 'grants'
    | 'consultation'
    | 'createdBy'
    | 'tags'
    | 'supporters'
  >
>;

export interface MetadataStore {
  /** Newest first (by createdAt). */
  listDocuments(): Promise<DocumentMeta[]>;
  getDocument(id: string): Promise<DocumentMeta | null>;
  /**
   * Optional: many documents in one read (one query where the store is remote), in no particular
   * order; unknown ids are left out. Callers fall back to getDocument per id where a store lacks it.
   */
  getDocuments?(ids: readonly string[]): Promise<DocumentMeta[]>;
  /** Throws if a document with that id exists. */
  createDocument(meta: DocumentMeta): Promise<DocumentMeta>;
  /** Returns null when there is no such document. */
  updateDocument(id: string, patch: DocumentMetaPatch): Promise<DocumentMeta | null>;
  close(): Promise<void>;
}

import { consultationResourceOf } from '../access/consultation';
import type { ConsultationSettings, DocumentResource, DocumentState, Grant, Visibility } from '../access/model';
import type { DocumentMeta, DocumentMetaPatch, PersonRef } from '../storage/MetadataStore';
import type { PostType } from '../forum/postTypes';
import type { TemplateId } from './templates';
import type { CloseReason } from '../protocol';

export interface CreateDocumentInput {
  /** A chosen id (e.g. from an edit sync token); a random one otherwise. */
  readonly id?: string;
  readonly title: string;
  readonly template: TemplateId;
  /** Becomes the document's owner (a person grant), unless `owner: false`. */
  readonly createdBy: PersonRef;
  /** Default: private, outside any workspace. */
  readonly workspaceId?: string | null;
  readonly visibility?: Visibility;
  /** False for documents nobody owns (the demo documents). */
  readonly owner?: boolean;
  /** A forum post (issue 14): its type and normalised tags. */
  readonly post?: { readonly type: PostType; readonly tags: readonly string[] };
}

/**
 * Whoever holds live copies of document bodies (the sync server). `whileReleased` ends the
 * document's live connections with `close`, writes and unloads its body, keeps new connections
 * waiting, runs `work` on the stored body, and lets connections in again once it is done.
 */
export interface LiveBodies {
  whileReleased<T>(documentId: string, close: CloseReason, work: () => Promise<T>): Promise<T>;
}

/** A post in a forum (issue 14): made with a post type, and still in a workspace. */
export const isForumPost = (meta: Pick<DocumentMeta, 'postType' | 'workspaceId'>): boolean =>
  meta.postType !== undefined && meta.workspaceId !== null;

/** Documents as the app and the sync server see them: metadata plus a body seeded on the server. */
export interface DocumentService {
  /** Newest first. */
  list(): Promise<DocumentMeta[]>;
  get(id: string): Promise<DocumentMeta | null>;
  /** Many at once (one store read where the store can), keyed by id; unknown or invalid ids are absent. */
  getMany(ids: readonly string[]): Promise<Map<string, DocumentMeta>>;
  /** What can() judges for this document now (the consultation's dates against the clock), or null when there is no such document. */
  resource(id: string): Promise<DocumentResource | null>;
  /** Seeds the body (Yjs state built from the template) durably, then records the metadata. */
  create(input: CreateDocumentInput): Promise<DocumentMeta>;
  rename(id: string, title: string): Promise<DocumentMeta | null>;
  /** Replaces the document's grants; listeners hear of it so live connections are re-checked. */
  setGrants(id: string, grants: readonly Grant[]): Promise<DocumentMeta | null>;
  /** Sets who beyond the grants may read; listeners hear of it so live connections are re-checked. */
  setVisibility(id: string, visibility: Visibility): Promise<DocumentMeta | null>;
  /**
   * Moves the document into a workspace or out of any (null), with the visibility it has there;
   * listeners hear of it, as for grants. The caller checked can(). Null when there is no such document.
   */
  setPlacement(
    id: string,
    placement: { readonly workspaceId: string | null; readonly visibility: Visibility },
  ): Promise<DocumentMeta | null>;
  /**
   * Moves the document to `state` (the caller checked the move and can()); listeners hear of it, as
   * for grants, since the state changes what live connections may do (final turns editors into readers).
   */
  setState(id: string, state: DocumentState): Promise<DocumentMeta | null>;
  /**
   * Replaces who a consultation takes comments from, and when (the caller checked can() and the
   * dates). Live sync connections are not re-checked: these settings decide only `comment`, which
   * the sync endpoint treats like `view`, and the comments API asks can() on every request.
   */
  setConsultation(id: string, consultation: ConsultationSettings): Promise<DocumentMeta | null>;
  /**
   * A forum post's tags (normalised by the caller) and supporters (issue 14); the caller checked can().
   * Null when there is no such document.
   */
  setPostFields(id: string, patch: Pick<DocumentMetaPatch, 'tags' | 'supporters'>): Promise<DocumentMeta | null>;
  /** Called after grants, state or visibility changed; returns the function that unsubscribes. */
  onAccessChanged(listener: (documentId: string) => void): () => void;
  /** Records that the body changed (updatedAt); cheap to call often. */
  touch(id: string): void;
  /**
   * "Nulstil historik": rewrites the stored body as a fresh Y.Doc with the same content (no deleted
   * history, no old item ids) and bumps the epoch, so copies with the old history are refused
   * (Close.staleEpoch) instead of merged back. Live connections are closed with 4409 first. The
   * caller checked can(). Null when there is no such document.
   */
  resetHistory(id: string): Promise<DocumentMeta | null>;
  /** The sync server registers here so resets can release live bodies; returns the function that detaches. */
  attachLiveBodies(live: LiveBodies): () => void;
}

/**
 * The access resource held in a document's metadata, as it stands at `now`: the consultation's
 * dates are judged here, against the clock, so that can() stays pure.
 */
export function documentResourceOf(meta: DocumentMeta, now: Date = new Date()): DocumentResource {
  return {
    kind: 'document',
    id: meta.id,
    workspaceId: meta.workspaceId,
    visibility: meta.visibility,
    state: meta.state,
    grants: meta.grants,
    consultation: consultationResourceOf(meta.consultation, now),
    ...(isForumPost(meta) && { forumPost: true }),
  };
}

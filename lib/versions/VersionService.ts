/**
 * Versions as an actor sees them (no HTTP): every act passes the access gate (lib/access/gate.ts)
 * with the document as it stands now.
 */
import type { JSONContent } from '@tiptap/core';
import type { Actor, DocumentState } from '../access/model';
import type { DocumentId } from '../documentId';
import type { PersonRef } from '../storage/MetadataStore';
import type { DocumentVersion, VersionSummary } from './model';

export interface PublishInput {
  /** "Hvad er ændret": plain text, at most VERSION_SUMMARY_MAX characters. */
  readonly summary: string;
  /** Renames the document as it is published; the current title otherwise. */
  readonly title?: string;
  /** The request's `Idempotency-Key`: a retry with the same key returns the first result. */
  readonly idempotencyKey?: string | null;
}

export interface PublishResult {
  readonly version: VersionSummary;
  /** False when an earlier request with the same idempotency key made it. */
  readonly created: boolean;
}

export interface VersionService {
  /**
   * Needs `publish`. Freezes the current state as the next published version (the state is read
   * once: edits racing the publish are in the next version, not this one) and moves the document
   * to final. DomainError `conflict` / `nothing_changed` when the content equals the latest
   * published version's.
   */
  publish(actor: Actor, id: DocumentId, input: PublishInput): Promise<PublishResult>;
  /** Needs `view`. Newest first. */
  list(actor: Actor, id: DocumentId): Promise<VersionSummary[]>;
  /** Needs `view`. DomainError `not_found` when the version does not exist. */
  get(actor: Actor, id: DocumentId, number: number): Promise<DocumentVersion>;
  /** Needs `view`. The current draft as it stands now (read once), to compare versions against. */
  draft(actor: Actor, id: DocumentId): Promise<{ readonly title: string; readonly body: JSONContent }>;
  /**
   * Needs `edit`. Applies version `number`'s content as new edits on top of the current draft
   * (history is never rewritten), attributed to the actor.
   */
  restore(actor: Actor, id: DocumentId, number: number): Promise<{ readonly restoredFrom: number }>;
  /**
   * Trusted (the phase route already checked can() and the move): freezes the consultation draft
   * when a consultation opens, and a published version when a move into final finds the current
   * state without one. Returns the version frozen, or null when none was needed.
   */
  freezeForPhase(id: DocumentId, to: DocumentState, by: PersonRef): Promise<VersionSummary | null>;
  /** Trusted, for lists the caller has already filtered by can(view). */
  latestOf(ids: readonly string[]): Promise<Map<string, VersionSummary>>;
  /**
   * Trusted, for feeds: newest published versions across documents, or across `documentIds` when
   * given (a workspace's documents); the caller filters by can(view).
   */
  recentPublished(limit: number, documentIds?: readonly string[]): Promise<VersionSummary[]>;
}

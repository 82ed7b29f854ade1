/**
 * Where invite links and "ask to co-author" requests are kept. Implementations: MemorySharingStore
 * (unit tests) and LowSharingStore (`<DATA_DIR>/access.json`, one writer process). An invite's
 * token is only ever stored hashed (lib/auth/sessionId.ts), like sessions and reset tokens.
 * Timestamps are ISO 8601 strings. Browser-safe: types only.
 */
import type { DocumentRole } from '../access/model';

/** Roles an invite link or an approved request can grant (ownership is never handed over). */
export type InviteRole = Exclude<DocumentRole, 'owner'>;

export interface Invite {
  readonly id: string;
  readonly documentId: string;
  /** SHA-256 (base64url) of the token in the link; the token itself is never stored. */
  readonly tokenHash: string;
  readonly role: InviteRole;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt?: string;
  /** How many people accepted it. */
  readonly uses: number;
}

export type InvitePatch = Partial<Pick<Invite, 'revokedAt'>>;

export const REQUEST_STATES = ['pending', 'approved', 'declined'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export interface CoAuthorRequest {
  readonly id: string;
  readonly documentId: string;
  readonly personId: string;
  /** Plain text, already checked (length, no control or bidi characters but newlines). */
  readonly message: string;
  readonly state: RequestState;
  readonly createdAt: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
}

export type CoAuthorRequestPatch = Partial<Pick<CoAuthorRequest, 'state' | 'decidedAt' | 'decidedBy'>>;

export interface SharingStore {
  /** Throws if an invite with that id exists. */
  createInvite(invite: Invite): Promise<Invite>;
  getInviteByTokenHash(tokenHash: string): Promise<Invite | null>;
  getInvite(id: string): Promise<Invite | null>;
  /** A document's invites, oldest first. */
  listInvites(documentId: string): Promise<Invite[]>;
  updateInvite(id: string, patch: InvitePatch): Promise<Invite | null>;
  /** Counts one more acceptance, atomically (two people accepting at once both count). */
  recordInviteUse(id: string): Promise<Invite | null>;
  /** Throws if a request with that id exists, or if the person has a pending one for the document. */
  createRequest(request: CoAuthorRequest): Promise<CoAuthorRequest>;
  getRequest(id: string): Promise<CoAuthorRequest | null>;
  /** A document's requests, oldest first. */
  listRequests(documentId: string): Promise<CoAuthorRequest[]>;
  updateRequest(id: string, patch: CoAuthorRequestPatch): Promise<CoAuthorRequest | null>;
  close(): Promise<void>;
}

export class PendingRequestExistsError extends Error {
  override readonly name = 'PendingRequestExistsError';
}

import type { Actor } from '../access/model';
import type { DocumentId } from '../documentId';
import type { CoAuthorRequest, Invite, InviteRole } from './SharingStore';
import type { InviteStatus } from './statusOf';

/**
 * Invite links and "ask to co-author" requests. Every act is judged by can() through the access gate
 * (lib/access/gate.ts); refusals are SharingErrors.
 */
export interface SharingService {
  /** A new link's token (shown once, in the link) and the stored invite. */
  createInvite(actor: Actor, documentId: DocumentId, role: InviteRole, expiresInDays: number): Promise<{ token: string; invite: Invite }>;
  listInvites(actor: Actor, documentId: DocumentId): Promise<Invite[]>;
  revokeInvite(actor: Actor, documentId: DocumentId, inviteId: string): Promise<Invite>;
  /** What a link leads to, for the invitation page (before signing in). */
  inspectInvite(token: string): Promise<{ invite: Invite; status: InviteStatus }>;
  /** Grants the invite's role to the person (never lowering a stronger one); returns the document id. */
  acceptInvite(actor: Actor, token: string): Promise<string>;
  requestCoAuthorship(actor: Actor, documentId: DocumentId, message: string): Promise<CoAuthorRequest>;
  /** The person's latest request for the document, if any. */
  ownRequest(actor: Actor, documentId: DocumentId): Promise<CoAuthorRequest | null>;
  listRequests(actor: Actor, documentId: DocumentId): Promise<CoAuthorRequest[]>;
  decideRequest(actor: Actor, documentId: DocumentId, requestId: string, decision: 'approve' | 'decline'): Promise<CoAuthorRequest>;
}

/**
 * Invite links and "ask to co-author" requests over a SharingStore and the DocumentService. Every
 * decision is can(): managing invites and requests takes `manage_access`, asking takes `view`
 * without `edit`. Grants change through DocumentService.setGrants, so the sync server re-checks
 * live connections.
 */
import { randomUUID } from 'node:crypto';
import { can } from '../../lib/access/can';
import { passGate } from '../../lib/access/gate';
import type { Actor, DocumentResource, PersonActor } from '../../lib/access/model';
import { withGrantAtLeast } from '../../lib/access/withGrant';
import { hashSessionId, isSessionIdShaped, newSessionId } from '../../lib/auth/sessionId';
import type { DocumentService } from '../../lib/documents/DocumentService';
import type { Invite, InviteRole, SharingStore } from '../../lib/sharing/SharingStore';
import { PendingRequestExistsError } from '../../lib/sharing/SharingStore';
import { SharingError } from '../../lib/sharing/SharingError';
import type { SharingService } from '../../lib/sharing/SharingService';
import { statusOf } from '../../lib/sharing/statusOf';
import { emitSafely } from '../../lib/notifications/emitSafely';
import { invitedEvent } from '../../lib/notifications/invitedEvent';
import { accessRequestedEvent, grantEvents } from '../../lib/notifications/documentEvents';
import type { Notify } from '../../lib/notifications/model';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';

export type { SharingService } from '../../lib/sharing/SharingService';
export { statusOf, type InviteStatus } from '../../lib/sharing/statusOf';

const DAY_MS = 24 * 60 * 60 * 1000;

const REFUSALS = { hidden: () => new SharingError('not_found'), denied: () => new SharingError('forbidden') };

export interface SharingServiceOptions {
  readonly store: SharingStore;
  readonly documents: DocumentService;
  readonly now?: () => Date;
  /** Told of access requests and of access granted by approving one, after they are stored (issue 12). */
  readonly notify?: Notify;
}

export function createSharingService(options: SharingServiceOptions): SharingService {
  const { store, documents, now = () => new Date() } = options;

  /** The document when the gate lets the actor do `action`; a document the actor may not even view is not found. */
  async function allowed(actor: Actor, documentId: string, action: 'manage_access' | 'view'): Promise<DocumentResource> {
    const { resource } = await passGate({
      actor,
      action,
      load: () => documents.resource(documentId),
      resourceOf: (found) => found,
      refuse: REFUSALS,
    });
    return resource;
  }

  const person = (actor: Actor): PersonActor => {
    if (actor.kind !== 'person' || actor.disabled) throw new SharingError('forbidden');
    return actor;
  };

  /** The grants before and the document after, when the person's role was raised; null when they held it already. */
  async function grantAtLeast(
    documentId: string,
    personId: string,
    role: InviteRole,
  ): Promise<{ before: DocumentResource['grants']; after: DocumentMeta | null } | null> {
    const resource = await documents.resource(documentId);
    if (!resource) throw new SharingError('not_found');
    const grants = withGrantAtLeast(resource.grants, { subject: 'person', personId }, role);
    if (grants === resource.grants) return null;
    return { before: resource.grants, after: await documents.setGrants(documentId, grants) };
  }

  async function inviteByToken(token: string): Promise<Invite> {
    const invite = isSessionIdShaped(token) ? await store.getInviteByTokenHash(hashSessionId(token)) : null;
    if (!invite) throw new SharingError('invite_unknown');
    return invite;
  }

  return {
    async createInvite(actor, documentId, role, expiresInDays) {
      const creator = person(actor);
      await allowed(actor, documentId, 'manage_access');
      const token = newSessionId();
      const at = now();
      const invite = await store.createInvite({
        id: `i_${randomUUID()}`,
        documentId,
        tokenHash: hashSessionId(token),
        role,
        createdBy: creator.id,
        createdAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + expiresInDays * DAY_MS).toISOString(),
        uses: 0,
      });
      return { token, invite };
    },

    async listInvites(actor, documentId) {
      await allowed(actor, documentId, 'manage_access');
      return store.listInvites(documentId);
    },

    async revokeInvite(actor, documentId, inviteId) {
      await allowed(actor, documentId, 'manage_access');
      const invite = await store.getInvite(inviteId);
      if (!invite || invite.documentId !== documentId) throw new SharingError('not_found');
      if (invite.revokedAt !== undefined) return invite;
      return (await store.updateInvite(inviteId, { revokedAt: now().toISOString() })) ?? invite;
    },

    async inspectInvite(token) {
      const invite = await inviteByToken(token);
      return { invite, status: statusOf(invite, now()) };
    },

    async acceptInvite(actor, token) {
      const accepter = person(actor);
      const invite = await inviteByToken(token);
      const status = statusOf(invite, now());
      if (status === 'expired') throw new SharingError('invite_expired');
      if (status === 'revoked') throw new SharingError('invite_revoked');
      // Not through the gate: the accepter may not see the document yet; the unexpired, unrevoked token is the authority.
      await grantAtLeast(invite.documentId, accepter.id, invite.role);
      await store.recordInviteUse(invite.id);
      // Who made the link hears that it was taken up (once per person and link).
      await emitSafely(options.notify, () => invitedEvent(actor, invite, accepter.id));
      return invite.documentId;
    },

    async requestCoAuthorship(actor, documentId, message) {
      const requester = person(actor);
      const resource = await allowed(actor, documentId, 'view');
      if (can(actor, 'edit', resource).allowed) throw new SharingError('request_not_needed');
      try {
        const request = await store.createRequest({
          id: `r_${randomUUID()}`,
          documentId,
          personId: requester.id,
          message,
          state: 'pending',
          createdAt: now().toISOString(),
        });
        await emitSafely(options.notify, () => accessRequestedEvent(actor, documentId, request.id));
        return request;
      } catch (error) {
        if (error instanceof PendingRequestExistsError) throw new SharingError('request_pending');
        throw error;
      }
    },

    async ownRequest(actor, documentId) {
      const requester = person(actor);
      await allowed(actor, documentId, 'view');
      const own = (await store.listRequests(documentId)).filter((request) => request.personId === requester.id);
      return own.at(-1) ?? null;
    },

    async listRequests(actor, documentId) {
      await allowed(actor, documentId, 'manage_access');
      return store.listRequests(documentId);
    },

    async decideRequest(actor, documentId, requestId, decision) {
      const decider = person(actor);
      await allowed(actor, documentId, 'manage_access');
      const request = await store.getRequest(requestId);
      if (!request || request.documentId !== documentId) throw new SharingError('not_found');
      if (request.state !== 'pending') throw new SharingError('request_decided');
      const granted = decision === 'approve' ? await grantAtLeast(documentId, request.personId, 'editor') : null;
      const decided = await store.updateRequest(requestId, {
        state: decision === 'approve' ? 'approved' : 'declined',
        decidedAt: now().toISOString(),
        decidedBy: decider.id,
      });
      if (!decided) throw new SharingError('not_found');
      if (granted?.after) {
        for (const event of grantEvents(actor, granted.before, granted.after, decided.decidedAt ?? now().toISOString()))
          await emitSafely(options.notify, () => event);
      }
      return decided;
    },
  };
}

import type { Invite } from '../../lib/sharing/SharingStore';
import { statusOf } from '../../lib/sharing/statusOf';
import type { InviteSummary } from '../_shared/InviteSummary';

/** An invite as the share panel sees it: never its hash. */
export function toInviteSummary(invite: Invite, now = new Date()): InviteSummary {
  return { id: invite.id, role: invite.role, expiresAt: invite.expiresAt, uses: invite.uses, status: statusOf(invite, now) };
}

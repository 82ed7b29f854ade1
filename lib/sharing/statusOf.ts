import type { Invite } from './SharingStore';

export type InviteStatus = 'active' | 'expired' | 'revoked';

/** Whether an invite link still works at `now`. */
export const statusOf = (invite: Invite, now: Date): InviteStatus =>
  invite.revokedAt !== undefined ? 'revoked' : Date.parse(invite.expiresAt) <= now.getTime() ? 'expired' : 'active';

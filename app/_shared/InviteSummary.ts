/** An invite link as the share panel lists it (the token is shown only once, when it is created). */
export interface InviteSummary {
  readonly id: string;
  readonly role: 'editor' | 'commenter' | 'viewer';
  readonly expiresAt: string;
  readonly uses: number;
  readonly status: 'active' | 'expired' | 'revoked';
}

/** A co-author request as the owner and the requester see it. */
export interface RequestSummary {
  readonly id: string;
  readonly personId: string;
  readonly name: string;
  readonly message: string;
  readonly state: 'pending' | 'approved' | 'declined';
  readonly createdAt: string;
}

/**
 * Self-service accounts and personal data (issue 12, GDPR): on /konto a person changes their name
 * and e-mail, sees and ends their sessions, downloads their data and deletes their account; admins
 * do the same on a person's behalf (`actorId` ≠ `personId`, checked with can(administer, platform)).
 */
import type { Locale } from '../i18n/locales';
import type { PersonProfile } from '../people/AccountStore';

export interface SessionInfo {
  /** sessionRef(idHash): what the list shows and DELETE /api/account/sessions/<id> takes. */
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** "Firefox · Linux", or null when the session kept no User-Agent. */
  readonly device: string | null;
  readonly current: boolean;
}

/** With mail configured a link goes to the new address; without, the change (password-checked) is immediate. */
export type EmailChangeOutcome = { readonly status: 'confirmation_sent' } | { readonly status: 'changed' };

/** What happens to a document the person alone owns when the account is deleted. */
export const DOCUMENT_DISPOSALS = ['hand_over', 'delete'] as const;
export type DocumentDisposal = (typeof DOCUMENT_DISPOSALS)[number];

export interface DeletionPlan {
  readonly person: { readonly id: string; readonly name: string };
  /** Documents nobody else owns: each needs a disposal. */
  readonly soleDocuments: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** Who takes over handed-over documents: the first enabled admin (by name) other than the person; null when there is none. */
  readonly heir: { readonly id: string; readonly name: string } | null;
  /** True when the person is the last enabled admin (deletion is refused: `last_admin`). */
  readonly lastAdmin: boolean;
  /** Whether the account has a password (else a sign-in within FRESH_SIGN_IN_MS confirms). */
  readonly hasPassword: boolean;
}

export interface DeletionRequest {
  /** Who asks: the person themselves, or an admin. */
  readonly actorId: string;
  readonly personId: string;
  /** The actor's current password (the admin's own when acting for someone). */
  readonly password?: string;
  /** The actor's session (its sign-in time stands in for a password on accounts without one). */
  readonly sessionIdHash?: string;
  /** `all` for every sole document, or per document id; a document not named is handed over. */
  readonly documents: { readonly all?: DocumentDisposal; readonly each?: Readonly<Record<string, DocumentDisposal>> };
  readonly ip?: string;
}

export interface DeletionReport {
  readonly handedOver: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly deleted: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly heir: { readonly id: string; readonly name: string } | null;
  readonly comments: number;
  readonly notifications: number;
}

export interface AccountSelfService {
  /** Immediately. Throws `invalid_input` or `not_found`. */
  changeName(actorId: string, personId: string, name: string): Promise<PersonProfile>;
  /** The language pages, e-mails and exports use for the person. Immediately. Throws `locale_invalid` or `not_found`. */
  changeLocale(actorId: string, personId: string, locale: Locale): Promise<PersonProfile>;
  /**
   * With mail: a confirmation link to the new address (and a notice to the old one); a taken address
   * gets a notice instead of a link, and the answer is the same. Without mail: needs `currentPassword`
   * and changes at once (a taken address answers the same and changes nothing). Throws `invalid_input`,
   * `email_unchanged`, `invalid_credentials`, `throttled`.
   */
  requestEmailChange(personId: string, input: { email: string; currentPassword?: string }, ip?: string): Promise<EmailChangeOutcome>;
  /** What a confirmation link would change to, without using it (the GET page); null for a bad link. */
  inspectEmailChange(token: string): Promise<{ readonly email: string } | null>;
  /** Uses the link. Throws `email_link_invalid` (also when the address was taken meanwhile: the owner is told by mail). */
  confirmEmailChange(token: string): Promise<PersonProfile>;
  listSessions(personId: string, currentIdHash: string | null): Promise<SessionInfo[]>;
  /** One of the person's own sessions by its ref; throws `session_not_found` for any other. */
  endSession(personId: string, ref: string): Promise<void>;
  /** Every session but the current one; returns how many ended. */
  endOtherSessions(personId: string, currentIdHash: string): Promise<number>;
  /** The zip (application/zip) and its file name. Self or admin; throws `forbidden`, `not_found`, `export_too_large`. */
  exportData(actorId: string, personId: string): Promise<{ readonly filename: string; readonly bytes: Uint8Array }>;
  deletionPlan(actorId: string, personId: string): Promise<DeletionPlan>;
  /**
   * Deletes the account: contributions stay, named "Tidligere deltager"; the e-mail, sessions,
   * password, follows, notifications, grants, memberships, API keys they made (revoked) and pending
   * invites and requests go. Throws `invalid_credentials`, `fresh_sign_in_required`, `last_admin`,
   * `no_admin_heir`, `forbidden`, `not_found`, `throttled`.
   */
  deleteAccount(request: DeletionRequest): Promise<DeletionReport>;
}

/** How recent a sign-in must be to delete an account that has no password. */
export const FRESH_SIGN_IN_MS = 10 * 60 * 1000;

/**
 * Self-service accounts and personal data (lib/account/AccountSelfService.ts) over the real stores.
 * Deleting an account anonymises by scrubbing every stored copy of the name it can reach (comments,
 * document creators, notifications: exports written later never show it), and the append-only
 * records (moderation log, published versions) are renamed when read (anonymisingStores.ts): a
 * person id without an account resolves to "Tidligere deltager".
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { z } from '../../lib/zodWithoutEval';
import { AccountError } from '../../lib/account/AccountError';
import { localeSchema } from '../../lib/account/schemas';
import {
  FRESH_SIGN_IN_MS,
  type AccountSelfService,
  type DeletionPlan,
  type DeletionReport,
  type DeletionRequest,
  type DocumentDisposal,
  type EmailChangeOutcome,
  type SessionInfo,
} from '../../lib/account/AccountSelfService';
import { anonymiseComments } from '../../lib/account/anonymiseComment';
import { collectPersonalData, type DocumentCommentsForExport } from '../../lib/account/export/collectPersonalData';
import { zipPersonalData, type ExportDocument } from '../../lib/account/export/composePersonalDataExport';
import { FORMER_PARTICIPANT_NAME } from '../../lib/account/formerParticipant';
import { sessionRef } from '../../lib/account/sessionRef';
import { userAgentSummary } from '../../lib/account/userAgentSummary';
import { composeEmailChangeMail, composeEmailChangedNoticeMail, composeEmailTakenNoticeMail } from '../../lib/account/emailChangeMail';
import type { ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import type { FixedWindowLimiter } from '../../lib/apiKeys/FixedWindowLimiter';
import type { PasswordHasher } from '../../lib/auth/PasswordHasher';
import { scryptHasher } from '../../lib/auth/scryptHasher';
import { hashSessionId } from '../../lib/auth/sessionId';
import { SignInThrottle } from '../../lib/auth/signInThrottle';
import type { CommentStore } from '../../lib/comments/CommentStore';
import type { DocumentService } from '../../lib/documents/DocumentService';
import { DEFAULT_LOCALE, type Locale } from '../../lib/i18n/locales';
import { translator } from '../../lib/i18n/translator';
import type { Mailer } from '../../lib/mail/Mailer';
import type { NotificationStore } from '../../lib/notifications/NotificationStore';
import { AccountStoreError, type AccountStore, type Person, type PersonProfile } from '../../lib/people/AccountStore';
import { PeopleError } from '../../lib/people/PeopleError';
import { emailSchema } from '../../lib/people/schemas';
import type { SharingStore } from '../../lib/sharing/SharingStore';
import type { DocumentMeta, MetadataStore } from '../../lib/storage/MetadataStore';
import { displayNameSchema } from '../../lib/text/displayText';
import { loadBodyTools } from '../../lib/editor/loadBodyTools';
import type { IdentityLinkStore } from '../../lib/oidc/IdentityLinkStore';
import type { NotificationMailStore } from '../../lib/notifications/NotificationMailStore';
import { createLogger, type Logger } from '../logger';
import type { AccessEvents } from '../people/accessEvents';
import { createAccessEvents } from '../people/accessEvents';
import type { BodyEraser } from './createBodyEraser';
import { parseInput } from '../people/parseInput';
import { passPlatformGate } from '../people/passPersonGate';
import { toProfile } from '../people/toProfile';

/** How long an e-mail confirmation link works. */
export const EMAIL_CHANGE_LIFETIME_MS = 24 * 60 * 60 * 1000;
const EMAIL_CHANGE_AUDIENCE = 'samskriv:email-change';
/** The title a deleted account's deleted document is left with. */
export const DELETED_DOCUMENT_TITLE = 'Slettet dokument';

export interface AccountSelfServiceOptions {
  readonly accounts: AccountStore;
  readonly documents: DocumentService;
  /** For the creator's name on documents (DocumentService has no such change). */
  readonly metadata: MetadataStore;
  readonly comments: CommentStore;
  readonly notifications: NotificationStore;
  /** The e-mail side of notifications (settings, queued mails, digests): forgotten with the account. */
  readonly notificationMail?: Pick<NotificationMailStore, 'forgetPerson'>;
  readonly apiKeys: ApiKeyStore;
  readonly sharing: SharingStore;
  /** The person's single sign-on links: exported with their data, deleted with their account. */
  readonly identityLinks?: Pick<IdentityLinkStore, 'linksOf' | 'deleteLinksOf'>;
  /** A document's body as the sync server holds it (live edits included). */
  readDocumentState(documentId: string): Promise<Uint8Array>;
  /** Removes a document's text for good (createBodyEraser); without it, "delete" only withdraws the document. */
  readonly eraseBody?: BodyEraser;
  /** AUTH_SECRET: signs the e-mail confirmation links. */
  readonly secret: string;
  /** With SMTP_URL and PUBLIC_URL: e-mail changes are confirmed by a link. */
  readonly mail?: { readonly mailer: Mailer; readonly publicUrl: string } | null;
  readonly events?: AccessEvents;
  /** Share the sign-in throttle: password checks here count against the same account. */
  readonly throttle?: SignInThrottle;
  /** E-mail change requests per person (a taken address is answered alike; this bounds the guessing). */
  readonly emailChangeLimiter?: FixedWindowLimiter;
  readonly passwords?: PasswordHasher;
  readonly clock?: () => number;
  readonly logger?: Logger;
}

const tokenSchema = z.string().min(1).max(2000);
const isOwnerGrantOf = (personId: string) => (grant: DocumentMeta['grants'][number]) =>
  grant.subject === 'person' && grant.personId === personId && grant.role === 'owner';
const hasPassword = (person: Person): boolean => person.passwordHash !== '';

export function createAccountSelfService(options: AccountSelfServiceOptions): AccountSelfService {
  const { accounts, documents, metadata, comments, notifications, apiKeys, sharing, readDocumentState, mail = null } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? createLogger('silent');
  const events = options.events ?? createAccessEvents(logger);
  const throttle = options.throttle ?? new SignInThrottle({ now: clock });
  const passwords = options.passwords ?? scryptHasher();
  const key = new TextEncoder().encode(options.secret);
  const nowIso = () => new Date(clock()).toISOString();

  async function personOrNotFound(personId: string): Promise<Person> {
    const person = await accounts.getPerson(personId);
    if (!person) throw new PeopleError('not_found', 'no such person');
    return person;
  }

  /** The person acted on, when the actor is that person or an admin. */
  async function authorise(actorId: string, personId: string): Promise<Person> {
    if (actorId !== personId) await passPlatformGate(accounts, actorId, 'administer');
    return personOrNotFound(personId);
  }

  /** The current password, counted by the sign-in throttle like changePassword does. */
  async function verifyPassword(person: Person, password: string | undefined, ip: string | undefined): Promise<void> {
    const keys = { account: person.email, ip: ip ?? `person:${person.id}`, knownDevice: true };
    const verdict = throttle.check(keys);
    if (!verdict.allowed) throw new PeopleError('throttled', 'too many attempts', { retryAfterMs: verdict.retryAfterMs });
    if (typeof password !== 'string' || password.length > 1000 || !(await passwords.verify(password, person.passwordHash))) {
      throttle.recordFailure(keys);
      throw new PeopleError('invalid_credentials', 'the password is wrong');
    }
    throttle.recordSuccess(keys.account, keys.ip);
  }

  function send(message: Parameters<Mailer['send']>[0], what: string, personId: string): void {
    if (!mail) return;
    // Not awaited: the answer must not wait for (or tell by its timing) which mails were sent.
    mail.mailer.send(message).catch((error: unknown) => logger.error({ err: error, event: what, personId }, 'could not send an e-mail'));
  }

  async function changeName(actorId: string, personId: string, name: string): Promise<PersonProfile> {
    const next = parseInput(z.object({ name: displayNameSchema }), { name }).name;
    await authorise(actorId, personId);
    const person = await accounts.updatePerson(personId, { name: next, updatedAt: nowIso() });
    if (!person) throw new PeopleError('not_found', 'no such person');
    logger.info({ event: 'name_changed', personId, by: actorId }, 'a name was changed');
    return toProfile(person);
  }

  async function changeLocale(actorId: string, personId: string, locale: Locale): Promise<PersonProfile> {
    const next = parseInput(z.object({ locale: localeSchema }), { locale }).locale;
    await authorise(actorId, personId);
    const person = await accounts.updatePerson(personId, { locale: next, updatedAt: nowIso() });
    if (!person) throw new PeopleError('not_found', 'no such person');
    logger.info({ event: 'locale_changed', personId, by: actorId, locale: next }, 'a language was chosen');
    return toProfile(person);
  }

  async function requestEmailChange(
    personId: string,
    input: { email: string; currentPassword?: string },
    ip?: string,
  ): Promise<EmailChangeOutcome> {
    const email = parseInput(z.object({ email: emailSchema }), { email: input.email }).email;
    const person = await personOrNotFound(personId);
    if (email === person.email) throw new AccountError('email_unchanged', 'that is the current e-mail');
    const limit = options.emailChangeLimiter?.hit(`person:${personId}`);
    if (limit && !limit.allowed) throw new PeopleError('throttled', 'too many e-mail changes', { retryAfterMs: limit.retryAfterMs });
    if (!mail) {
      // Without mail nothing can confirm the address: the password does, and the change is immediate.
      await verifyPassword(person, input.currentPassword, ip);
      try {
        await accounts.updatePerson(personId, { email, updatedAt: nowIso() });
        logger.info({ event: 'email_changed', personId }, 'a person changed their e-mail');
      } catch (error) {
        if (!(error instanceof AccountStoreError) || error.code !== 'email_taken') throw error;
        // Answered like a change, as sign-up answers a taken address; nothing changed.
        logger.info({ event: 'email_change_taken', personId }, 'an e-mail change named a taken address');
      }
      return { status: 'changed' };
    }
    const owner = await accounts.getPersonByEmail(email);
    if (owner) {
      send(composeEmailTakenNoticeMail(owner, mail.publicUrl), 'email_taken_notice', owner.id);
      logger.info({ event: 'email_change_taken', personId }, 'an e-mail change named a taken address; its owner was told');
      return { status: 'confirmation_sent' };
    }
    await accounts.deleteTokens({ purpose: 'email_change', personId });
    const id = randomBytes(32).toString('base64url');
    const expiresAt = clock() + EMAIL_CHANGE_LIFETIME_MS;
    await accounts.createToken({
      hash: hashSessionId(id),
      purpose: 'email_change',
      personId,
      expiresAt: new Date(expiresAt).toISOString(),
    });
    const token = await new SignJWT({ email })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(personId)
      .setJti(id)
      .setAudience(EMAIL_CHANGE_AUDIENCE)
      .setIssuedAt(Math.floor(clock() / 1000))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(key);
    const link = `${mail.publicUrl}/konto/e-mail?token=${encodeURIComponent(token)}`;
    send(composeEmailChangeMail({ email, name: person.name, locale: person.locale }, link), 'email_change_link', personId);
    send(composeEmailChangedNoticeMail(person, email), 'email_change_notice', personId);
    logger.info({ event: 'email_change_requested', personId }, 'a person asked to change their e-mail');
    return { status: 'confirmation_sent' };
  }

  async function readToken(token: string): Promise<{ personId: string; email: string; id: string } | null> {
    if (!tokenSchema.safeParse(token).success) return null;
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        audience: EMAIL_CHANGE_AUDIENCE,
        currentDate: new Date(clock()),
      });
      const email = emailSchema.safeParse(payload.email);
      if (!email.success || typeof payload.sub !== 'string' || typeof payload.jti !== 'string') return null;
      return { personId: payload.sub, email: email.data, id: payload.jti };
    } catch {
      return null;
    }
  }

  async function inspectEmailChange(token: string): Promise<{ email: string } | null> {
    const claims = await readToken(token);
    if (!claims) return null;
    const person = await accounts.getPerson(claims.personId);
    return person && !person.disabled ? { email: claims.email } : null;
  }

  async function confirmEmailChange(token: string): Promise<PersonProfile> {
    const claims = await readToken(token);
    // A disabled account (being deleted, or by an admin) takes no new address.
    const holder = claims && (await accounts.getPerson(claims.personId));
    const used = claims && holder && !holder.disabled && (await accounts.consumeToken(hashSessionId(claims.id), 'email_change', nowIso()));
    if (!claims || !used || used.personId !== claims.personId) {
      throw new AccountError('email_link_invalid', 'the link is unknown, used or expired');
    }
    try {
      const person = await accounts.updatePerson(claims.personId, { email: claims.email, updatedAt: nowIso() });
      if (!person) throw new AccountError('email_link_invalid', 'the account is gone');
      logger.info({ event: 'email_changed', personId: person.id }, 'a person confirmed their new e-mail');
      return toProfile(person);
    } catch (error) {
      if (!(error instanceof AccountStoreError) || error.code !== 'email_taken') throw error;
      // Taken between the request and the click: the confirmation can never complete, and the owner hears of it.
      const owner = await accounts.getPersonByEmail(claims.email);
      if (owner && mail) send(composeEmailTakenNoticeMail(owner, mail.publicUrl), 'email_taken_notice', owner.id);
      throw new AccountError('email_link_invalid', 'the address has an account now');
    }
  }

  async function listSessions(personId: string, currentIdHash: string | null): Promise<SessionInfo[]> {
    const now = clock();
    const sessions = await accounts.listSessionsOf(personId);
    return sessions
      .filter((session) => Date.parse(session.expiresAt) > now)
      .map((session) => ({
        id: sessionRef(session.idHash),
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        device: userAgentSummary(session.userAgent),
        current: session.idHash === currentIdHash,
      }));
  }

  async function endSession(personId: string, ref: string): Promise<void> {
    const session = (await accounts.listSessionsOf(personId)).find((candidate) => sessionRef(candidate.idHash) === ref);
    if (!session || !(await accounts.deleteSession(session.idHash)))
      throw new AccountError('session_not_found', 'no such session of yours');
    events.emitAccessRevoked({ personId, reason: 'signed_out', sessionIdHashes: [session.idHash] });
    logger.info({ event: 'session_ended', personId }, 'a person ended one of their sessions');
  }

  async function endOtherSessions(personId: string, currentIdHash: string): Promise<number> {
    const ended = await accounts.deleteSessionsOf(personId, { exceptIdHash: currentIdHash });
    events.emitAccessRevoked({ personId, reason: 'signed_out', keptSessionIdHash: currentIdHash });
    logger.info({ event: 'sessions_ended', personId, ended }, 'a person ended their other sessions');
    return ended;
  }

  /** Every document with its comments, one at a time (a person's data is spread over all of them). */
  async function* commentsByDocument(): AsyncGenerator<{ meta: DocumentMeta; comments: DocumentCommentsForExport['comments'] }> {
    for (const meta of await documents.list()) {
      const current = await comments.read(meta.id);
      yield { meta, comments: current.comments };
    }
  }

  async function exportData(actorId: string, personId: string): Promise<{ filename: string; bytes: Uint8Array }> {
    const person = await authorise(actorId, personId);
    const withComments: DocumentCommentsForExport[] = [];
    const owned: ExportDocument[] = [];
    for await (const { meta, comments: stored } of commentsByDocument()) {
      withComments.push({
        documentId: meta.id,
        title: meta.title,
        comments: stored,
        ...(meta.supporters && { postSupporters: meta.supporters }),
      });
      if (!meta.grants.some(isOwnerGrantOf(personId))) continue;
      const { bodyJsonOf, bodyToMarkdown } = await loadBodyTools();
      owned.push({
        id: meta.id,
        title: meta.title,
        state: meta.state,
        createdAt: meta.createdAt,
        updatedAt: meta.updatedAt,
        markdown: bodyToMarkdown(bodyJsonOf(await readDocumentState(meta.id)), { minHeadingLevel: 2 }),
      });
    }
    const organisations = await Promise.all(
      (await accounts.organisationIdsOf(personId)).map(async (id) => ({ id, name: (await accounts.getOrganisation(id))?.name ?? id })),
    );
    const exportedAt = nowIso();
    const { passwordHash: _hash, disabled: _disabled, ...profile } = person;
    const bytes = zipPersonalData(
      {
        exportedAt,
        profile: {
          ...profile,
          organisations,
          signInProviders:
            (await options.identityLinks?.linksOf(personId))?.map(({ providerId, email, createdAt, lastUsedAt }) => ({
              providerId,
              email,
              createdAt,
              lastUsedAt,
            })) ?? [],
        },
        ...collectPersonalData(personId, withComments),
        documents: owned,
        sessions: (await listSessions(personId, null)).map(({ createdAt, lastSeenAt, device }) => ({ createdAt, lastSeenAt, device })),
      },
      translator(person.locale ?? DEFAULT_LOCALE),
    );
    logger.info({ event: 'data_exported', personId, by: actorId, bytes: bytes.byteLength }, 'personal data was exported');
    return { filename: `samskriv-data-${exportedAt.slice(0, 10)}.zip`, bytes };
  }

  async function heirOf(personId: string): Promise<{ id: string; name: string } | null> {
    // Sorted by name: "the first enabled admin" is a choice people can predict (and the UI names them).
    for (let offset = 0; ; offset += 200) {
      const page = await accounts.listPeople({ offset, limit: 200 });
      const admin = page.items.find((person) => person.role === 'admin' && !person.disabled && person.id !== personId);
      if (admin) return { id: admin.id, name: admin.name };
      if (offset + page.items.length >= page.total || page.items.length === 0) return null;
    }
  }

  async function planFor(person: Person): Promise<DeletionPlan & { metas: DocumentMeta[] }> {
    const metas = await documents.list();
    const sole = metas.filter(
      (meta) =>
        meta.grants.some(isOwnerGrantOf(person.id)) &&
        !meta.grants.some((grant) => grant.role === 'owner' && !isOwnerGrantOf(person.id)(grant)),
    );
    const lastAdmin = person.role === 'admin' && !person.disabled && (await accounts.countActiveAdmins()) <= 1;
    return {
      person: { id: person.id, name: person.name },
      soleDocuments: sole.map(({ id, title }) => ({ id, title })),
      heir: await heirOf(person.id),
      lastAdmin,
      hasPassword: hasPassword(person),
      metas,
    };
  }

  async function deletionPlan(actorId: string, personId: string): Promise<DeletionPlan> {
    const { metas: _metas, ...plan } = await planFor(await authorise(actorId, personId));
    return plan;
  }

  async function confirmIdentity(request: DeletionRequest): Promise<void> {
    const actor = await personOrNotFound(request.actorId);
    if (hasPassword(actor)) return verifyPassword(actor, request.password, request.ip);
    const session = request.sessionIdHash ? await accounts.getSession(request.sessionIdHash) : null;
    const fresh = session && session.personId === actor.id && clock() - Date.parse(session.createdAt) <= FRESH_SIGN_IN_MS;
    if (!fresh) throw new AccountError('fresh_sign_in_required', 'sign in again to delete an account without a password');
  }

  async function deleteAccount(request: DeletionRequest): Promise<DeletionReport> {
    const person = await authorise(request.actorId, request.personId);
    await confirmIdentity(request);
    const plan = await planFor(person);
    if (plan.lastAdmin) throw new PeopleError('last_admin', 'the platform must keep an admin');
    const disposalOf = (id: string): DocumentDisposal => request.documents.each?.[id] ?? request.documents.all ?? 'hand_over';
    const toHandOver = plan.soleDocuments.filter((document) => disposalOf(document.id) === 'hand_over');
    if (toHandOver.length > 0 && !plan.heir) throw new AccountError('no_admin_heir', 'no other admin can take the documents over');
    const personId = person.id;
    const former = { name: FORMER_PARTICIPANT_NAME };

    // First disabled (refusing the last admin atomically) and signed out everywhere, so the person acts no
    // more while their name is scrubbed; the record goes last, so a failure midway leaves an account
    // that can be deleted again rather than a name left behind with nobody to delete it for.
    try {
      await accounts.updatePerson(personId, { disabled: true, updatedAt: nowIso() }, { keepActiveAdmin: true });
    } catch (error) {
      if (error instanceof AccountStoreError && error.code === 'last_admin') {
        throw new PeopleError('last_admin', 'the platform must keep an admin');
      }
      throw error;
    }
    await accounts.deleteSessionsOf(personId);
    events.emitAccessRevoked({ personId, reason: 'disabled' });

    const handedOver: Array<{ id: string; title: string }> = [];
    const deleted: Array<{ id: string; title: string }> = [];
    const soleIds = new Set(plan.soleDocuments.map((document) => document.id));
    for (const meta of plan.metas) {
      const mine = (grant: DocumentMeta['grants'][number]) => grant.subject === 'person' && grant.personId === personId;
      if (soleIds.has(meta.id) && disposalOf(meta.id) === 'delete') {
        // The platform keeps no document deletion: the text is erased, and the document withdrawn (nobody
        // holds it, nobody beyond admins can open it) under a neutral title; published versions stay.
        await documents.setGrants(meta.id, []);
        await documents.setVisibility(meta.id, 'private');
        if (meta.state !== 'archived') await documents.setState(meta.id, 'archived');
        await options.eraseBody?.(meta.id);
        await documents.rename(meta.id, DELETED_DOCUMENT_TITLE);
        deleted.push({ id: meta.id, title: meta.title });
      } else if (soleIds.has(meta.id) && plan.heir) {
        const heirId = plan.heir.id;
        const others = meta.grants.filter((grant) => !mine(grant) && !(grant.subject === 'person' && grant.personId === heirId));
        await documents.setGrants(meta.id, [...others, { subject: 'person', personId: heirId, role: 'owner' }]);
        handedOver.push({ id: meta.id, title: meta.title });
      } else if (meta.grants.some(mine)) {
        await documents.setGrants(
          meta.id,
          meta.grants.filter((grant) => !mine(grant)),
        );
      }
      if (meta.createdBy.id === personId) await metadata.updateDocument(meta.id, { createdBy: { id: personId, ...former } });
      // Invites the person made stop working; their pending co-author requests are declined.
      for (const invite of await sharing.listInvites(meta.id)) {
        if (invite.createdBy === personId && !invite.revokedAt) await sharing.updateInvite(invite.id, { revokedAt: nowIso() });
      }
      for (const pending of await sharing.listRequests(meta.id)) {
        if (pending.personId === personId && pending.state === 'pending') {
          await sharing.updateRequest(pending.id, { state: 'declined', decidedAt: nowIso() });
        }
      }
    }

    let renamedComments = 0;
    for (const meta of plan.metas) {
      const update = await comments.update(meta.id, (current) => {
        const put = anonymiseComments(current.comments, personId, FORMER_PARTICIPANT_NAME);
        return put.length === 0 ? { result: 0 } : { put, result: put.length };
      });
      renamedComments += update.result;
    }
    const forgotten = await notifications.forgetPerson(personId, FORMER_PARTICIPANT_NAME);
    await options.notificationMail?.forgetPerson(personId, FORMER_PARTICIPANT_NAME);
    for (const apiKey of await apiKeys.list()) {
      if (apiKey.createdBy === personId && apiKey.revokedAt === null) await apiKeys.revoke(apiKey.id, nowIso());
    }
    await options.identityLinks?.deleteLinksOf(personId);
    // The e-mail, password hash, tokens, memberships and workspace memberships, in one step.
    await accounts.deletePerson(personId);
    logger.info(
      { event: 'account_deleted', personId, by: request.actorId, handedOver: handedOver.length, withdrawn: deleted.length },
      'an account was deleted',
    );
    return { handedOver, deleted, heir: plan.heir, comments: renamedComments, notifications: forgotten.renamed };
  }

  return {
    changeName,
    changeLocale,
    requestEmailChange,
    inspectEmailChange,
    confirmEmailChange,
    listSessions,
    endSession,
    endOtherSessions,
    exportData,
    deletionPlan,
    deleteAccount,
  };
}

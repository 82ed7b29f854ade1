/**
 * E-mails notifications (issue 12, with `SMTP_URL`): the queue that withMailQueue fills, sent in the
 * background so no act waits for the mail server.
 * - Immediate: each queued entry is taken (a lease: one sender at a time, across nodes), checked
 *   again (the person exists and is enabled, still wants it at once, may still read the document:
 *   can() now), sent, and marked sent; a failure is retried a few times with growing pauses, then
 *   given up and logged.
 * - Digests: at DIGEST_HOUR local time (Europe/Copenhagen; weekly on Mondays) each person's queued
 *   entries of that frequency from before the hour become ONE digest, recorded (person, period)
 *   before it is sent, so a second look, another node or a restart never makes or sends it twice.
 * Delivery is at-least-once: only a crash between the mail server's acceptance and the durable mark
 * sends a mail again (after its lease). `sweep` is one look (a timer's, or a test's with its clock).
 */
import { can } from '../../lib/access/can';
import type { PersonActor } from '../../lib/access/model';
import { documentResourceOf, type DocumentService } from '../../lib/documents/DocumentService';
import type { Locale } from '../../lib/i18n/messages';
import { composeDigestMail, type DigestDocument } from '../../lib/mail/composeDigestMail';
import { composeNotificationMail } from '../../lib/mail/composeNotificationMail';
import type { Mailer } from '../../lib/mail/Mailer';
import { digestPeriod, type DigestKind } from '../../lib/notifications/digestPeriod';
import { isClaimable } from '../../lib/notifications/isClaimable';
import type { StoredNotification } from '../../lib/notifications/model';
import type { DigestRecord, MailState, NotificationMailStore, QueuedMail } from '../../lib/notifications/NotificationMailStore';
import { DEFAULT_NOTIFICATION_SETTINGS, frequencyFor, type NotificationFrequency } from '../../lib/notifications/NotificationSettings';
import { commentOfNotification, notificationPath } from '../../lib/notifications/notificationPath';
import { requiredAction } from '../../lib/notifications/recipientsOf';
import { signUnsubscribeToken, unsubscribeLink, type UnsubscribeScope } from '../../lib/notifications/unsubscribeToken';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';

export interface MailRecipient {
  readonly email: string;
  readonly name: string;
  /** As can() judges them now (`disabled` included). */
  readonly actor: PersonActor;
}

export interface NotificationMailOptions {
  readonly store: NotificationMailStore;
  readonly mailer: Mailer;
  readonly documents: Pick<DocumentService, 'get'>;
  /** The person as they are now; null when there is nobody by that id (deleted). */
  readonly recipientOf: (personId: string) => Promise<MailRecipient | null>;
  /** The person's chosen language, if one is stored; Danish otherwise. */
  readonly localeOf?: (personId: string) => Promise<Locale | null>;
  /** PUBLIC_URL: every link points here. */
  readonly publicUrl: string;
  /** AUTH_SECRET: signs the unsubscribe links. */
  readonly secret: string;
  readonly digestHour: number;
  readonly timeZone: string;
  /** How often the timer looks (retries, digests); 0: no timer (tests call sweep). */
  readonly intervalMs: number;
  readonly now?: () => Date;
  readonly logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

export interface NotificationMail {
  /** Starts sending what is queued for immediate delivery (after a notification is stored); never rejects. */
  kick(): void;
  /** One look: due immediate mails and retries, then due digests. */
  sweep(): Promise<void>;
  /** Resolves when the work started so far is done (shutdown, tests). */
  settled(): Promise<void>;
  stop(): void;
}

/** Tries per mail or digest, and the pause after each failed one (the last is given up). */
export const MAIL_RETRY_PAUSES_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000] as const;
/** How long a sender holds an entry: longer than any send takes; after it, another may send it again. */
const LEASE_MS = 10 * 60_000;
/** Entries read per look (the rest in the next). */
const BATCH = 5000;
/** Sent, dropped and failed entries and digests are kept this long (then pruned, once a day). */
const KEPT_MS = 30 * 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 24 * 60 * 60_000;

/** Which digest an entry belongs in by the frequency that applies now (one chosen immediate meanwhile goes in the daily). */
const digestKindOf = (frequency: NotificationFrequency): DigestKind | null =>
  frequency === 'weekly' ? 'weekly' : frequency === 'never' ? null : 'daily';

const errorCode = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : 'unknown');

export function startNotificationMail(options: NotificationMailOptions): NotificationMail {
  const { store, mailer, documents, recipientOf, publicUrl, secret, logger } = options;
  const now = options.now ?? (() => new Date());
  let chain: Promise<void> = Promise.resolve();
  let kickQueued = false;
  let lastPrune = 0;

  /** One task at a time: a kick during a look waits for it (and two kicks waiting become one). */
  function serially(task: () => Promise<void>): Promise<void> {
    chain = chain.then(task).catch((error: unknown) => logger.error({ err: error }, 'notification e-mail: a look failed'));
    return chain;
  }

  /** One mail's or person's work: a failure is logged and the others go on (the lease brings it back later). */
  async function alone(work: () => Promise<void>, what: object): Promise<void> {
    try {
      await work();
    } catch (error) {
      logger.error({ ...what, err: error }, 'notification e-mail: could not handle a queued e-mail');
    }
  }

  const links = (personId: string, scope: UnsubscribeScope) => {
    const token = signUnsubscribeToken(secret, { personId, scope });
    return {
      unsubscribe: unsubscribeLink(publicUrl, token),
      oneClick: `${publicUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
    };
  };
  const documentLink = (documentId: string) => `${publicUrl}/d/${encodeURIComponent(documentId)}`;
  const settingsLink = `${publicUrl}/konto#notifikationer`;
  const localeOf = async (personId: string): Promise<Locale> => (await options.localeOf?.(personId)) ?? 'da';
  const frequencyOf = async (personId: string) => {
    const settings = (await store.getSettings(personId)) ?? DEFAULT_NOTIFICATION_SETTINGS;
    return (notification: StoredNotification) => frequencyFor(settings, notification.kind);
  };
  const readable = (recipient: MailRecipient, meta: DocumentMeta | null, notification: StoredNotification, at: Date) =>
    meta !== null && can(recipient.actor, requiredAction(notification.kind), documentResourceOf(meta, at)).allowed;

  /** Done with it: no lease, the outcome and when. */
  function done<T extends QueuedMail | DigestRecord>(record: T, state: MailState, at: Date): T {
    const { leaseUntil: _lease, ...rest } = record;
    return { ...rest, state, doneAt: at.toISOString() } as T;
  }

  /** A failed send: tried again after a pause, or given up after the last. */
  function afterFailure<T extends QueuedMail | DigestRecord>(record: T, error: unknown, at: Date, what: object): T {
    const attempts = record.attempts + 1;
    const pause = MAIL_RETRY_PAUSES_MS[attempts - 1];
    if (pause === undefined) {
      logger.error({ ...what, attempts, code: errorCode(error) }, 'notification e-mail: given up after the last try');
      return { ...done(record, 'failed', at), attempts };
    }
    logger.warn(
      { ...what, attempts, code: errorCode(error) },
      'notification e-mail: the mail server refused or was unreachable; trying again later',
    );
    const { leaseUntil: _lease, ...rest } = record;
    return { ...rest, attempts, nextAttemptAt: new Date(at.getTime() + pause).toISOString() } as T;
  }

  async function sendOne(entry: QueuedMail): Promise<void> {
    const at = now();
    const mail = await store.claimMail(entry.personId, entry.eventId, at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString());
    if (!mail) return;
    const { notification } = mail;
    const recipient = await recipientOf(mail.personId);
    if (!recipient || recipient.actor.disabled) return store.updateMail(done(mail, 'dropped', at));
    const frequency = (await frequencyOf(mail.personId))(notification);
    if (frequency === 'never') return store.updateMail(done(mail, 'dropped', at));
    if (frequency !== 'immediate') {
      // Chosen a digest meanwhile: it waits for that.
      const { leaseUntil: _lease, ...rest } = mail;
      return store.updateMail({ ...rest, mode: 'digest' });
    }
    const meta = await documents.get(notification.documentId);
    // Asked again now: who may no longer read the document is not told of it.
    if (!readable(recipient, meta, notification, at)) return store.updateMail(done(mail, 'dropped', at));
    const kindLinks = links(mail.personId, notification.kind);
    const message = composeNotificationMail({
      to: recipient,
      locale: await localeOf(mail.personId),
      item: { kind: notification.kind, data: notification.data, documentTitle: meta?.title ?? notification.data.title },
      links: {
        document: `${publicUrl}${notificationPath(notification)}`,
        unsubscribeKind: kindLinks.unsubscribe,
        unsubscribeAll: links(mail.personId, 'all').unsubscribe,
        settings: settingsLink,
        oneClick: kindLinks.oneClick,
      },
    });
    try {
      await mailer.send(message);
    } catch (error) {
      return store.updateMail(afterFailure(mail, error, now(), { personId: mail.personId, eventId: mail.eventId }));
    }
    await store.updateMail(done(mail, 'sent', now()));
    logger.info({ event: 'notification_mailed', personId: mail.personId, kind: notification.kind }, 'e-mailed a notification');
  }

  async function sendImmediate(): Promise<void> {
    const at = now().toISOString();
    for (const entry of await store.pendingMails('immediate', BATCH)) {
      if (isClaimable(entry, at)) await alone(() => sendOne(entry), { personId: entry.personId, eventId: entry.eventId });
    }
  }

  /** Sends a recorded digest this sender holds (fresh, or claimed for a retry). */
  async function sendDigest(digest: DigestRecord): Promise<void> {
    const at = now();
    // Its entries are done, whether or not it is sent: a later digest must not list them again.
    for (const notification of digest.notifications) {
      const entry = await store.getMail(digest.personId, notification.eventId);
      if (entry?.state === 'pending') await store.updateMail(done({ ...entry, digest: digest.period }, 'sent', at));
    }
    const recipient = await recipientOf(digest.personId);
    if (!recipient || recipient.actor.disabled) return store.updateDigest(done(digest, 'dropped', at));
    const byDocument = new Map<string, { meta: DocumentMeta | null; items: StoredNotification[] }>();
    for (const notification of digest.notifications) {
      let group = byDocument.get(notification.documentId);
      if (!group) byDocument.set(notification.documentId, (group = { meta: await documents.get(notification.documentId), items: [] }));
      if (readable(recipient, group.meta, notification, at)) group.items.push(notification);
    }
    const groups: DigestDocument[] = [...byDocument.entries()]
      .filter(([, group]) => group.items.length > 0)
      .map(([documentId, { meta, items }]) => ({
        title: meta?.title ?? items[0]!.data.title,
        link: documentLink(documentId),
        items: [...items]
          .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
          .map((item) => ({
            kind: item.kind,
            data: item.data,
            documentTitle: meta?.title ?? item.data.title,
            // An item about one comment links to it; the others are told under the document's link.
            ...(commentOfNotification(item) !== null && { link: `${publicUrl}${notificationPath(item)}` }),
          })),
      }));
    if (groups.length === 0) return store.updateDigest(done(digest, 'dropped', at));
    const all = links(digest.personId, 'all');
    const message = composeDigestMail({
      to: recipient,
      locale: await localeOf(digest.personId),
      kind: digest.period.startsWith('weekly:') ? 'weekly' : 'daily',
      documents: groups,
      links: { unsubscribeAll: all.unsubscribe, settings: settingsLink, oneClick: all.oneClick },
    });
    try {
      await mailer.send(message);
    } catch (error) {
      return store.updateDigest(afterFailure(digest, error, now(), { personId: digest.personId, period: digest.period }));
    }
    await store.updateDigest(done(digest, 'sent', now()));
    logger.info({ event: 'digest_mailed', personId: digest.personId, period: digest.period }, 'e-mailed a digest');
  }

  /** Makes the due digests of one person from their queued entries. */
  async function digestsOf(personId: string, entries: readonly QueuedMail[], at: Date): Promise<void> {
    const iso = at.toISOString();
    const recipient = await recipientOf(personId);
    const frequency = await frequencyOf(personId);
    const waiting: QueuedMail[] = [];
    for (const entry of entries) {
      if (!recipient || recipient.actor.disabled || frequency(entry.notification) === 'never') {
        await store.updateMail(done(entry, 'dropped', at));
      } else waiting.push(entry);
    }
    for (const kind of ['daily', 'weekly'] as const) {
      const period = digestPeriod(kind, at, options.digestHour, options.timeZone);
      const due = period.dueAt.toISOString();
      const chosen = waiting.filter((entry) => entry.queuedAt < due && digestKindOf(frequency(entry.notification)) === kind);
      if (chosen.length === 0 || (await store.getDigest(personId, period.key))) continue;
      const digest: DigestRecord = {
        personId,
        period: period.key,
        createdAt: iso,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: iso,
        leaseUntil: new Date(at.getTime() + LEASE_MS).toISOString(),
        notifications: chosen.map((entry) => entry.notification),
      };
      // Recorded before it is sent: whoever records it first sends it, and nobody makes it again.
      if (await store.addDigest(digest)) await sendDigest(digest);
    }
  }

  async function sendDigests(): Promise<void> {
    const at = now();
    const iso = at.toISOString();
    // First what a crash or a failed try left unsent.
    for (const digest of await store.pendingDigests(BATCH)) {
      if (!isClaimable(digest, iso)) continue;
      const claimed = await store.claimDigest(digest.personId, digest.period, iso, new Date(at.getTime() + LEASE_MS).toISOString());
      if (claimed) await alone(() => sendDigest(claimed), { personId: claimed.personId, period: claimed.period });
    }
    const byPerson = new Map<string, QueuedMail[]>();
    for (const entry of await store.pendingMails('digest', BATCH)) {
      const list = byPerson.get(entry.personId);
      if (list) list.push(entry);
      else byPerson.set(entry.personId, [entry]);
    }
    for (const [personId, entries] of byPerson) await alone(() => digestsOf(personId, entries, at), { personId });
  }

  async function prune(): Promise<void> {
    const at = now().getTime();
    if (at - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = at;
    const deleted = await store.deleteDoneBefore(new Date(at - KEPT_MS).toISOString());
    if (deleted > 0) logger.info({ deleted }, 'notification e-mail: pruned old queue entries and digests');
  }

  const sweep = () =>
    serially(async () => {
      await sendImmediate();
      await sendDigests();
      await prune();
    });

  const timer = options.intervalMs > 0 ? setInterval(() => void sweep(), options.intervalMs) : null;
  timer?.unref();

  return {
    kick() {
      if (kickQueued) return;
      kickQueued = true;
      void serially(async () => {
        kickQueued = false;
        await sendImmediate();
      });
    },
    sweep,
    settled: () => chain,
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}

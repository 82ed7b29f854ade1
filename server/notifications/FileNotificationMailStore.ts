/**
 * NotificationMailStore in record collections (server/storage/RecordCollection.ts) under `<dir>`
 * (normally `<DATA_DIR>/records`): `notification_settings` (by person), `mail_queue` (by person and
 * event; indexed pending by mode) and `mail_digests` (by person and period; indexed pending). Each
 * write is one durable append; a check and the write it guards (queue once, one digest a period,
 * take a lease) are one synchronous step (see CollectionSet), and the indexes are rebuilt from the
 * log after a restart, so what was sent stays sent.
 */
import { isClaimable } from '../../lib/notifications/isClaimable';
import type { DigestRecord, MailMode, NotificationMailStore, QueuedMail } from '../../lib/notifications/NotificationMailStore';
import type { StoredNotificationSettings } from '../../lib/notifications/NotificationSettings';
import { CollectionSet, type CollectionOpener } from '../storage/CollectionSet';
import type { RecordCollection } from '../storage/RecordCollection';
import type { StoreLogger } from '../storage/readDocumentFiles';
import { renamedActor } from './MemoryNotificationMailStore';

export interface FileNotificationMailStoreOptions {
  /** The record collections' directory, normally `<DATA_DIR>/records`. */
  readonly dir: string;
  readonly groupCommitMs?: number;
  readonly compactAfterRecords?: number;
  readonly logger?: StoreLogger & { error?(obj: object, msg?: string): void };
}

export type NotificationMailCollections = {
  readonly settings: RecordCollection<StoredNotificationSettings>;
  readonly mails: RecordCollection<QueuedMail>;
  readonly digests: RecordCollection<DigestRecord>;
};

/** Everything the store holds: what `npm run migrate:data` copies. */
export interface NotificationMailExport {
  readonly settings: StoredNotificationSettings[];
  readonly mails: QueuedMail[];
  readonly digests: DigestRecord[];
}

const copy = <T>(value: T): T => structuredClone(value);
const key = (personId: string, other: string) => JSON.stringify([personId, other]);
const byTime =
  <T>(of: (record: T) => string) =>
  (a: T, b: T) =>
    of(a) < of(b) ? -1 : of(a) > of(b) ? 1 : 0;

export class FileNotificationMailStore implements NotificationMailStore {
  private readonly collections: CollectionSet<NotificationMailCollections>;

  constructor(options: FileNotificationMailStoreOptions) {
    const { dir, groupCommitMs = 0, compactAfterRecords, logger } = options;
    this.collections = new CollectionSet({ dir, groupCommitMs, compactAfterRecords, logger }, (open) => openAll(open));
  }

  /** Opens the logs; rejects naming a damaged file (checked at start, before anything is served). */
  open(): Promise<NotificationMailCollections> {
    return this.collections.open();
  }

  async getSettings(personId: string): Promise<StoredNotificationSettings | null> {
    return copy((await this.collections.ready()).settings.get(personId) ?? null);
  }

  async putSettings(settings: StoredNotificationSettings): Promise<void> {
    await (await this.collections.ready()).settings.put(settings.personId, copy(settings));
  }

  async enqueue(mail: QueuedMail): Promise<boolean> {
    const { mails } = await this.collections.ready();
    const k = key(mail.personId, mail.eventId);
    if (mails.has(k)) return false;
    await mails.put(k, copy(mail));
    return true;
  }

  async getMail(personId: string, eventId: string): Promise<QueuedMail | null> {
    return copy((await this.collections.ready()).mails.get(key(personId, eventId)) ?? null);
  }

  async pendingMails(mode: MailMode, limit: number): Promise<QueuedMail[]> {
    const { mails } = await this.collections.ready();
    return copy(
      mails
        .find('pending', mode)
        .sort(byTime((mail) => mail.queuedAt))
        .slice(0, limit),
    );
  }

  async claimMail(personId: string, eventId: string, now: string, until: string): Promise<QueuedMail | null> {
    const { mails } = await this.collections.ready();
    const found = mails.get(key(personId, eventId));
    if (!found || !isClaimable(found, now)) return null;
    const claimed = { ...found, leaseUntil: until };
    await mails.put(key(personId, eventId), claimed);
    return copy(claimed);
  }

  async updateMail(mail: QueuedMail): Promise<void> {
    await (await this.collections.ready()).mails.put(key(mail.personId, mail.eventId), copy(mail));
  }

  async addDigest(digest: DigestRecord): Promise<boolean> {
    const { digests } = await this.collections.ready();
    const k = key(digest.personId, digest.period);
    if (digests.has(k)) return false;
    await digests.put(k, copy(digest));
    return true;
  }

  async getDigest(personId: string, period: string): Promise<DigestRecord | null> {
    return copy((await this.collections.ready()).digests.get(key(personId, period)) ?? null);
  }

  async pendingDigests(limit: number): Promise<DigestRecord[]> {
    const { digests } = await this.collections.ready();
    return copy(
      digests
        .find('pending', 'all')
        .sort(byTime((digest) => digest.createdAt))
        .slice(0, limit),
    );
  }

  async claimDigest(personId: string, period: string, now: string, until: string): Promise<DigestRecord | null> {
    const { digests } = await this.collections.ready();
    const found = digests.get(key(personId, period));
    if (!found || !isClaimable(found, now)) return null;
    const claimed = { ...found, leaseUntil: until };
    await digests.put(key(personId, period), claimed);
    return copy(claimed);
  }

  async updateDigest(digest: DigestRecord): Promise<void> {
    await (await this.collections.ready()).digests.put(key(digest.personId, digest.period), copy(digest));
  }

  async forgetPerson(personId: string, formerName: string): Promise<number> {
    const { settings, mails, digests } = await this.collections.ready();
    const named = [...mails.values()].filter((mail) => mail.state === 'pending' && mail.notification.data.actorId === personId);
    await Promise.all(named.map((mail) => mails.put(key(mail.personId, mail.eventId), renamedActor(mail, formerName))));
    const hadSettings = settings.get(personId) !== undefined;
    const theirMails = [...mails.values()].filter((mail) => mail.personId === personId);
    const theirDigests = [...digests.values()].filter((digest) => digest.personId === personId);
    await Promise.all([
      ...(hadSettings ? [settings.delete(personId)] : []),
      ...theirMails.map((mail) => mails.delete(key(mail.personId, mail.eventId))),
      ...theirDigests.map((digest) => digests.delete(key(digest.personId, digest.period))),
    ]);
    return (hadSettings ? 1 : 0) + theirMails.length + theirDigests.length;
  }

  async deleteDoneBefore(before: string): Promise<number> {
    const { mails, digests } = await this.collections.ready();
    const done = (record: QueuedMail | DigestRecord) => record.state !== 'pending' && record.doneAt !== undefined && record.doneAt < before;
    const oldMails = [...mails.values()].filter(done);
    const oldDigests = [...digests.values()].filter(done);
    await Promise.all([
      ...oldMails.map((mail) => mails.delete(key(mail.personId, mail.eventId))),
      ...oldDigests.map((digest) => digests.delete(key(digest.personId, digest.period))),
    ]);
    return oldMails.length + oldDigests.length;
  }

  async exportAll(): Promise<NotificationMailExport> {
    const { settings, mails, digests } = await this.collections.ready();
    return copy({ settings: [...settings.values()], mails: [...mails.values()], digests: [...digests.values()] });
  }

  /** Waits for every write issued so far and closes the logs. */
  close(): Promise<void> {
    return this.collections.close();
  }
}

async function openAll(open: CollectionOpener): Promise<NotificationMailCollections> {
  return {
    settings: await open<StoredNotificationSettings>('notification_settings'),
    mails: await open<QueuedMail>('mail_queue', { pending: (mail) => (mail.state === 'pending' ? [mail.mode] : []) }),
    digests: await open<DigestRecord>('mail_digests', { pending: (digest) => (digest.state === 'pending' ? ['all'] : []) }),
  };
}

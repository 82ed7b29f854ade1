/** NotificationMailStore in memory, for tests: the same rules as the durable stores, nothing kept. */
import { isClaimable } from '../../lib/notifications/isClaimable';
import type { DigestRecord, MailMode, NotificationMailStore, QueuedMail } from '../../lib/notifications/NotificationMailStore';
import type { StoredNotificationSettings } from '../../lib/notifications/NotificationSettings';

const key = (personId: string, other: string) => JSON.stringify([personId, other]);

/** A waiting mail whose actor's account is gone: named as the notifications then are. */
export function renamedActor(mail: QueuedMail, formerName: string): QueuedMail {
  return { ...mail, notification: { ...mail.notification, data: { ...mail.notification.data, actorName: formerName } } };
}
const copy = <T>(value: T): T => structuredClone(value);

export class MemoryNotificationMailStore implements NotificationMailStore {
  private readonly settings = new Map<string, StoredNotificationSettings>();
  private readonly mails = new Map<string, QueuedMail>();
  private readonly digests = new Map<string, DigestRecord>();

  async getSettings(personId: string): Promise<StoredNotificationSettings | null> {
    return copy(this.settings.get(personId) ?? null);
  }

  async putSettings(settings: StoredNotificationSettings): Promise<void> {
    this.settings.set(settings.personId, copy(settings));
  }

  async enqueue(mail: QueuedMail): Promise<boolean> {
    const k = key(mail.personId, mail.eventId);
    if (this.mails.has(k)) return false;
    this.mails.set(k, copy(mail));
    return true;
  }

  async getMail(personId: string, eventId: string): Promise<QueuedMail | null> {
    return copy(this.mails.get(key(personId, eventId)) ?? null);
  }

  async pendingMails(mode: MailMode, limit: number): Promise<QueuedMail[]> {
    return copy(
      [...this.mails.values()]
        .filter((mail) => mail.state === 'pending' && mail.mode === mode)
        .sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0))
        .slice(0, limit),
    );
  }

  async claimMail(personId: string, eventId: string, now: string, until: string): Promise<QueuedMail | null> {
    const found = this.mails.get(key(personId, eventId));
    if (!found || !isClaimable(found, now)) return null;
    const claimed = { ...found, leaseUntil: until };
    this.mails.set(key(personId, eventId), claimed);
    return copy(claimed);
  }

  async updateMail(mail: QueuedMail): Promise<void> {
    this.mails.set(key(mail.personId, mail.eventId), copy(mail));
  }

  async addDigest(digest: DigestRecord): Promise<boolean> {
    const k = key(digest.personId, digest.period);
    if (this.digests.has(k)) return false;
    this.digests.set(k, copy(digest));
    return true;
  }

  async getDigest(personId: string, period: string): Promise<DigestRecord | null> {
    return copy(this.digests.get(key(personId, period)) ?? null);
  }

  async pendingDigests(limit: number): Promise<DigestRecord[]> {
    return copy(
      [...this.digests.values()]
        .filter((digest) => digest.state === 'pending')
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
        .slice(0, limit),
    );
  }

  async claimDigest(personId: string, period: string, now: string, until: string): Promise<DigestRecord | null> {
    const found = this.digests.get(key(personId, period));
    if (!found || !isClaimable(found, now)) return null;
    const claimed = { ...found, leaseUntil: until };
    this.digests.set(key(personId, period), claimed);
    return copy(claimed);
  }

  async updateDigest(digest: DigestRecord): Promise<void> {
    this.digests.set(key(digest.personId, digest.period), copy(digest));
  }

  async forgetPerson(personId: string, formerName: string): Promise<number> {
    for (const [k, mail] of this.mails) {
      if (mail.state === 'pending' && mail.notification.data.actorId === personId) this.mails.set(k, renamedActor(mail, formerName));
    }
    let deleted = this.settings.delete(personId) ? 1 : 0;
    for (const map of [this.mails, this.digests] as Map<string, QueuedMail | DigestRecord>[]) {
      for (const [k, record] of [...map]) {
        if (record.personId !== personId) continue;
        map.delete(k);
        deleted += 1;
      }
    }
    return deleted;
  }

  async deleteDoneBefore(before: string): Promise<number> {
    let deleted = 0;
    for (const map of [this.mails, this.digests] as Map<string, QueuedMail | DigestRecord>[]) {
      for (const [k, record] of [...map]) {
        if (record.state !== 'pending' && record.doneAt !== undefined && record.doneAt < before) {
          map.delete(k);
          deleted += 1;
        }
      }
    }
    return deleted;
  }

  async close(): Promise<void> {}
}

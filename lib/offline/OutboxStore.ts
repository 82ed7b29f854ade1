/**
 * The outbox's IndexedDB database (one per person, `outboxDbName`). Every state change is one
 * readwrite transaction, so two tabs on the same person never see half a change:
 * - `entries`: the queue, key `seq` (auto-increment: the send order), unique index on `id`;
 * - `sent`: the server's answers to recently sent entries, so an entry enqueued just after its
 *   parent went out can still be filled in;
 * - `meta`: the send lease used where Web Locks are missing.
 */
import { openDatabase, request, transact } from './idb';
import {
  DEPENDS_ON_CANCELLED,
  DEPENDS_ON_REFUSED,
  DEPENDS_ON_UNRESOLVED,
  LIMITS,
  OutboxError,
  type OutboxEntry,
  type OutboxRefusal,
} from './OutboxEntry';
import { fillBody, fillUrl, UnresolvedReference } from './OutboxReference';

const VERSION = 1;
const ENTRIES = 'entries';
const SENT = 'sent';
const META = 'meta';
const LEASE_KEY = 'sendLease';

/** How long the answer to a sent entry is kept for late dependants, and how many. */
const SENT_KEEP_MS = 24 * 60 * 60_000;
const SENT_KEEP_COUNT = 200;

interface SentRecord {
  readonly id: string;
  readonly result: unknown;
  readonly sentAt: number;
}

interface Lease {
  readonly key: typeof LEASE_KEY;
  readonly owner: string;
  readonly expiresAt: number;
}

type NewEntry = Omit<OutboxEntry, 'seq'>;

/** The reader's catalogue says why (`outbox.refused.<code>`: app/_outbox/refusalMessage.ts). */
function outboxRefusal(code: string): OutboxRefusal {
  return { status: 0, code, message: '' };
}

const cursorAll = <T>(source: IDBObjectStore | IDBIndex): Promise<T[]> => request(source.getAll() as IDBRequest<T[]>);

export class OutboxStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(name: string, options: { factory?: IDBFactory; onVersionChange: () => void }): Promise<OutboxStore> {
    const db = await openDatabase(name, VERSION, {
      factory: options.factory,
      onVersionChange: options.onVersionChange,
      upgrade(database) {
        if (!database.objectStoreNames.contains(ENTRIES)) {
          const entries = database.createObjectStore(ENTRIES, { keyPath: 'seq', autoIncrement: true });
          entries.createIndex('id', 'id', { unique: true });
        }
        if (!database.objectStoreNames.contains(SENT)) database.createObjectStore(SENT, { keyPath: 'id' });
        if (!database.objectStoreNames.contains(META)) database.createObjectStore(META, { keyPath: 'key' });
      },
    });
    return new OutboxStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** Every entry, in send order. */
  all(): Promise<OutboxEntry[]> {
    return transact(this.db, ENTRIES, 'readonly', (tx) => cursorAll<OutboxEntry>(tx.objectStore(ENTRIES)));
  }

  /**
   * Adds an entry at the end of the queue. Dependencies on entries that were already sent are
   * filled in at once; a dependency on a refused entry makes this one refused too; an id the
   * outbox never saw (or forgot) is an error.
   */
  add(entry: NewEntry, now: number): Promise<OutboxEntry> {
    return transact(this.db, [ENTRIES, SENT], 'readwrite', async (tx) => {
      const entries = tx.objectStore(ENTRIES);
      const count = await request(entries.count());
      if (count >= LIMITS.entries) throw new OutboxError('outbox_full', `The outbox already holds ${LIMITS.entries} entries`);
      let { url, body } = entry;
      let refusal: OutboxRefusal | undefined;
      const waitingFor: string[] = [];
      for (const id of entry.dependsOn) {
        const parent = (await request(entries.index('id').get(id))) as OutboxEntry | undefined;
        if (parent) {
          if (parent.state === 'refused') refusal ??= outboxRefusal(DEPENDS_ON_REFUSED);
          else waitingFor.push(id);
          continue;
        }
        const sent = (await request(tx.objectStore(SENT).get(id))) as SentRecord | undefined;
        if (!sent) throw new OutboxError('unknown_dependency', `No queued or recently sent outbox entry ${id}`);
        try {
          url = fillUrl(url, id, sent.result);
          body = fillBody(body, id, sent.result);
        } catch (error) {
          if (!(error instanceof UnresolvedReference)) throw error;
          refusal ??= outboxRefusal(DEPENDS_ON_UNRESOLVED);
        }
      }
      const stored: NewEntry = {
        ...entry,
        url,
        body,
        dependsOn: refusal ? entry.dependsOn : waitingFor,
        state: refusal ? 'refused' : 'pending',
        ...(refusal ? { refusal } : {}),
        createdAt: entry.createdAt || new Date(now).toISOString(),
      };
      const seq = (await request(entries.add(stored))) as number;
      return { ...stored, seq };
    });
  }

  /** Removes a sent entry, keeps its answer for late dependants, and fills the waiting ones. */
  recordSuccess(entry: OutboxEntry, result: unknown, now: number): Promise<void> {
    return transact(this.db, [ENTRIES, SENT], 'readwrite', async (tx) => {
      const entries = tx.objectStore(ENTRIES);
      const current = (await request(entries.index('id').get(entry.id))) as OutboxEntry | undefined;
      if (current) await request(entries.delete(current.seq));
      const sent = tx.objectStore(SENT);
      await request(sent.put({ id: entry.id, result, sentAt: now } satisfies SentRecord));
      await this.pruneSent(sent, now);
      const unresolved = new Set<string>();
      for (const waiting of await cursorAll<OutboxEntry>(entries)) {
        if (waiting.state !== 'pending' || !waiting.dependsOn.includes(entry.id)) continue;
        try {
          const filled: OutboxEntry = {
            ...waiting,
            url: fillUrl(waiting.url, entry.id, result),
            body: fillBody(waiting.body, entry.id, result),
            dependsOn: waiting.dependsOn.filter((id) => id !== entry.id),
          };
          await request(entries.put(filled));
        } catch (error) {
          if (!(error instanceof UnresolvedReference)) throw error;
          await request(entries.put({ ...waiting, state: 'refused', refusal: outboxRefusal(DEPENDS_ON_UNRESOLVED) } satisfies OutboxEntry));
          unresolved.add(waiting.id);
        }
      }
      if (unresolved.size > 0) await this.cascade(entries, unresolved, DEPENDS_ON_REFUSED);
    });
  }

  /** Marks an entry refused, and every pending entry that (transitively) depends on it. */
  recordRefusal(entry: OutboxEntry, refusal: OutboxRefusal): Promise<void> {
    return transact(this.db, ENTRIES, 'readwrite', async (tx) => {
      const entries = tx.objectStore(ENTRIES);
      const current = (await request(entries.index('id').get(entry.id))) as OutboxEntry | undefined;
      if (!current) return;
      const refused: OutboxEntry = { ...current, attempts: current.attempts + 1, state: 'refused', refusal };
      delete (refused as { nextAttemptAt?: number }).nextAttemptAt;
      await request(entries.put(refused));
      await this.cascade(entries, new Set([entry.id]), DEPENDS_ON_REFUSED);
    });
  }

  /** Counts a failed attempt and parks the entry until `nextAttemptAt`. */
  recordFailure(entry: OutboxEntry, nextAttemptAt: number, lastError: string): Promise<OutboxEntry | null> {
    return transact(this.db, ENTRIES, 'readwrite', async (tx) => {
      const entries = tx.objectStore(ENTRIES);
      const current = (await request(entries.index('id').get(entry.id))) as OutboxEntry | undefined;
      if (!current) return null;
      const updated: OutboxEntry = { ...current, attempts: current.attempts + 1, nextAttemptAt, lastError };
      await request(entries.put(updated));
      return updated;
    });
  }

  /** Lifts every back-off (the network is back, or the person asked to retry). */
  clearBackoff(): Promise<void> {
    return transact(this.db, ENTRIES, 'readwrite', async (tx) => {
      const entries = tx.objectStore(ENTRIES);
      for (const entry of await cursorAll<OutboxEntry>(entries)) {
        if (entry.nextAttemptAt === undefined) continue;
        const copy: OutboxEntry = { ...entry };
        delete (copy as { nextAttemptAt?: number }).nextAttemptAt;
        await request(entries.put(copy));
      }
    });
  }

  /**
   * Removes an entry: a refused one (dismiss), or a pending one the person cancelled (its pending
   * dependants become refused with depends_on_cancelled, so their text stays copyable).
   */
  remove(id: string, allowed: 'refused' | 'pending', inFlightId: string | null): Promise<void> {
    return transact(this.db, ENTRIES, 'readwrite', async (tx) => {
      const entries = tx.objectStore(ENTRIES);
      const current = (await request(entries.index('id').get(id))) as OutboxEntry | undefined;
      if (!current) throw new OutboxError('not_found', `No outbox entry ${id}`);
      if (current.state !== allowed) {
        throw new OutboxError(
          'wrong_state',
          allowed === 'refused' ? 'Only refused entries can be dismissed' : 'Only pending entries can be cancelled',
        );
      }
      if (id === inFlightId) throw new OutboxError('in_flight', 'The entry is being sent right now');
      await request(entries.delete(current.seq));
      if (allowed === 'pending') await this.cascade(entries, new Set([id]), DEPENDS_ON_CANCELLED);
    });
  }

  /**
   * Takes or renews the send lease (the fallback where Web Locks are missing): one readwrite
   * transaction, so two tabs cannot both win. Returns null on success, else when the other
   * holder's lease runs out.
   */
  tryLease(owner: string, now: number, durationMs: number): Promise<number | null> {
    return transact(this.db, META, 'readwrite', async (tx) => {
      const meta = tx.objectStore(META);
      const lease = (await request(meta.get(LEASE_KEY))) as Lease | undefined;
      if (lease && lease.owner !== owner && lease.expiresAt > now) return lease.expiresAt;
      await request(meta.put({ key: LEASE_KEY, owner, expiresAt: now + durationMs } satisfies Lease));
      return null;
    });
  }

  releaseLease(owner: string): Promise<void> {
    return transact(this.db, META, 'readwrite', async (tx) => {
      const meta = tx.objectStore(META);
      const lease = (await request(meta.get(LEASE_KEY))) as Lease | undefined;
      if (lease?.owner === owner) await request(meta.delete(LEASE_KEY));
    });
  }

  private async cascade(entries: IDBObjectStore, refusedIds: Set<string>, code: string): Promise<void> {
    // In send order, so a chain (comment → reply → support of the reply) is refused all the way down.
    for (const entry of await cursorAll<OutboxEntry>(entries)) {
      if (entry.state !== 'pending' || !entry.dependsOn.some((id) => refusedIds.has(id))) continue;
      await request(entries.put({ ...entry, state: 'refused', refusal: outboxRefusal(code) } satisfies OutboxEntry));
      refusedIds.add(entry.id);
    }
  }

  private async pruneSent(sent: IDBObjectStore, now: number): Promise<void> {
    const records = (await cursorAll<SentRecord>(sent)).sort((a, b) => b.sentAt - a.sentAt);
    for (const [index, record] of records.entries()) {
      if (index >= SENT_KEEP_COUNT || record.sentAt < now - SENT_KEEP_MS) await request(sent.delete(record.id));
    }
  }
}

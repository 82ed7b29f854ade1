/**
 * Document bodies in PostgreSQL: Yjs updates appended to `document_updates` (committed, so durable,
 * before append resolves), one snapshot per document in `document_snapshots`. Appends to one
 * document go through one lane: they are stored and resolved in call order, and the appends that
 * wait while a write runs share the next one (one multi-row INSERT, one commit).
 *
 * Compaction runs in that lane too (after the appends issued before it, before those issued
 * after), in one transaction under a per-document advisory lock: the new snapshot replaces the
 * old one and the records committed before it. When this store has loaded the document (a room
 * compacting what it holds), what the caller cannot have seen is merged into the snapshot instead
 * of dropped: records another node appended that this one never loaded, or a snapshot another
 * node wrote since, so several nodes compacting one document never lose each other's updates.
 * Without a load (a reset writing a fresh history), the snapshot replaces everything, as the
 * DocumentStore contract says.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import type { DocumentStore, LogStats } from '../../lib/storage/DocumentStore';
import { inTransaction, type Pool } from './createPool';

/** Advisory lock class of document compactions (the other key is the id's hash). */
const COMPACTION_LOCK_CLASS = 0x53616d73; // "Sams"
const MAX_BATCH_RECORDS = 500;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

interface Pending {
  readonly kind: 'append' | 'compact';
  readonly data: Buffer;
  readonly settle: { resolve(): void; reject(error: unknown): void };
  readonly done: Promise<void>;
}

interface Lane {
  readonly queue: Pending[];
  running: boolean;
  /** The last item enqueued: flush waits for it. */
  last: Promise<void> | null;
  /** The highest record id this store committed for the document. */
  lastId: number;
}

interface Known {
  /** Loaded since the last release: compactions merge what this store has not seen. */
  loaded: boolean;
  /** The snapshot generation this store has seen (loaded or written); null: none. */
  generation: string | null;
  /** Records of other writers this store loaded: a compaction knows the caller's state has them. */
  loadedIds: Set<number>;
  maxLoadedId: number;
  records: number;
  bytes: number;
}

export class PgDocumentStore implements DocumentStore {
  /** Which rows this store (this node, this start) appended. */
  readonly writer = randomUUID();
  private readonly lanes = new Map<string, Lane>();
  private readonly known = new Map<string, Known>();

  constructor(private readonly pool: Pool) {}

  async load(documentId: string): Promise<Uint8Array[] | null> {
    await this.flush(documentId);
    const { rows } = await this.pool.query<{ part: number; id: string; writer: string; data: Buffer }>(
      `SELECT 0 AS part, generation AS id, writer, data FROM document_snapshots WHERE document_id = $1
       UNION ALL
       SELECT 1, id, writer, data FROM document_updates WHERE document_id = $1
       ORDER BY part, id`,
      [documentId],
    );
    const known = this.knownOf(documentId);
    known.loaded = true;
    known.generation = rows[0]?.part === 0 ? rows[0].id : null;
    known.loadedIds = new Set();
    known.maxLoadedId = 0;
    known.records = 0;
    known.bytes = 0;
    for (const row of rows) {
      if (row.part !== 1) continue;
      known.records++;
      known.bytes += row.data.length;
      known.maxLoadedId = Math.max(known.maxLoadedId, Number(row.id));
      if (row.writer !== this.writer) known.loadedIds.add(Number(row.id));
    }
    return rows.length === 0 ? null : rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length));
  }

  async exists(documentId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM document_snapshots WHERE document_id = $1)
           OR EXISTS (SELECT 1 FROM document_updates WHERE document_id = $1) AS found`,
      [documentId],
    );
    return rows[0]?.found ?? false;
  }

  append(documentId: string, update: Uint8Array): Promise<void> {
    if (update.length === 0) return Promise.reject(new RangeError('an update is never empty'));
    return this.enqueue(documentId, 'append', Buffer.from(update));
  }

  async flush(documentId?: string): Promise<void> {
    const lanes = documentId === undefined ? [...this.lanes.values()] : [this.lanes.get(documentId)];
    await Promise.all(lanes.map((lane) => lane?.last?.catch(() => {})));
  }

  compact(documentId: string, snapshot: Uint8Array): Promise<void> {
    return this.enqueue(documentId, 'compact', Buffer.from(snapshot));
  }

  stats(documentId: string): LogStats {
    const known = this.known.get(documentId);
    return { records: known?.records ?? 0, bytes: known?.bytes ?? 0 };
  }

  async release(documentId: string): Promise<void> {
    await this.flush(documentId);
    const lane = this.lanes.get(documentId);
    if (lane && !lane.running && lane.queue.length === 0) this.lanes.delete(documentId);
    this.known.delete(documentId);
  }

  async close(): Promise<void> {
    await this.flush();
  }

  /** For /healthz and the start-up check: PostgreSQL has no damaged files to report. */
  damaged(): DocumentStorageError[] {
    return [];
  }

  async checkAll(): Promise<DocumentStorageError[]> {
    return [];
  }

  private knownOf(documentId: string): Known {
    let known = this.known.get(documentId);
    if (!known) {
      known = { loaded: false, generation: null, loadedIds: new Set(), maxLoadedId: 0, records: 0, bytes: 0 };
      this.known.set(documentId, known);
    }
    return known;
  }

  private enqueue(documentId: string, kind: Pending['kind'], data: Buffer): Promise<void> {
    let lane = this.lanes.get(documentId);
    if (!lane) {
      lane = { queue: [], running: false, last: null, lastId: 0 };
      this.lanes.set(documentId, lane);
    }
    let settle!: Pending['settle'];
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    lane.queue.push({ kind, data, settle, done });
    lane.last = done;
    if (!lane.running) void this.drain(documentId, lane);
    return done;
  }

  private async drain(documentId: string, lane: Lane): Promise<void> {
    lane.running = true;
    try {
      while (lane.queue.length > 0) {
        const head = lane.queue[0]!;
        if (head.kind === 'compact') {
          lane.queue.shift();
          await this.settle([head], () => this.writeCompaction(documentId, lane, head.data));
          continue;
        }
        const batch: Pending[] = [];
        let bytes = 0;
        while (lane.queue[0]?.kind === 'append' && batch.length < MAX_BATCH_RECORDS && (batch.length === 0 || bytes < MAX_BATCH_BYTES)) {
          const next = lane.queue.shift()!;
          bytes += next.data.length;
          batch.push(next);
        }
        await this.settle(batch, () => this.writeAppends(documentId, lane, batch));
      }
    } finally {
      lane.running = false;
    }
  }

  private async settle(items: Pending[], write: () => Promise<void>): Promise<void> {
    try {
      await write();
      for (const item of items) item.settle.resolve();
    } catch (error) {
      for (const item of items) item.settle.reject(error);
    }
  }

  private async writeAppends(documentId: string, lane: Lane, batch: Pending[]): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO document_updates (document_id, writer, data)
       SELECT $1, $2, u.data FROM unnest($3::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY u.n
       RETURNING id`,
      [documentId, this.writer, batch.map((item) => item.data)],
    );
    for (const row of rows) lane.lastId = Math.max(lane.lastId, Number(row.id));
    const known = this.knownOf(documentId);
    known.records += batch.length;
    known.bytes += batch.reduce((sum, item) => sum + item.data.length, 0);
  }

  private async writeCompaction(documentId: string, lane: Lane, snapshot: Buffer): Promise<void> {
    const known = this.knownOf(documentId);
    // Loaded: what this store appended or loaded; otherwise everything committed before the call.
    const boundary = known.loaded ? Math.max(lane.lastId, known.maxLoadedId) : Number.MAX_SAFE_INTEGER;
    const generation = await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACTION_LOCK_CLASS, documentId]);
      const current = await client.query<{ generation: string; data: Buffer }>(
        'SELECT generation, data FROM document_snapshots WHERE document_id = $1',
        [documentId],
      );
      const deleted = await client.query<{ id: string; writer: string; data: Buffer }>(
        'DELETE FROM document_updates WHERE document_id = $1 AND id <= $2 RETURNING id, writer, data',
        [documentId, boundary],
      );
      const unseen: Uint8Array[] = [];
      const old = current.rows[0];
      if (known.loaded) {
        if (old && old.generation !== known.generation) unseen.push(old.data);
        for (const row of deleted.rows.sort((a, b) => Number(a.id) - Number(b.id)))
          if (row.writer !== this.writer && !known.loadedIds.has(Number(row.id))) unseen.push(row.data);
      }
      const merged = unseen.length === 0 ? snapshot : Buffer.from(Y.mergeUpdates([snapshot, ...unseen]));
      const next = String(Number(old?.generation ?? 0) + 1);
      await client.query(
        `INSERT INTO document_snapshots (document_id, generation, writer, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (document_id) DO UPDATE SET generation = excluded.generation, writer = excluded.writer, data = excluded.data`,
        [documentId, next, this.writer, merged],
      );
      return next;
    });
    known.generation = generation;
    known.loadedIds = new Set();
    known.maxLoadedId = 0;
    known.records = 0;
    known.bytes = 0;
  }
}

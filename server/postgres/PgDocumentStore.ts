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
 *
 * In a cluster (`ledger: true`) it is also the relay ledger (lib/sync/RelayLedger.ts): appends are
 * stored marked unpublished until the node says it published them, and a compaction of a loaded
 * document keeps the unpublished records (the snapshot holds them too; loading applies them again
 * harmlessly) so that a node that died before publishing still has its updates published by others.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { DocumentStorageError } from '../../lib/storage/DocumentStorageError';
import type { AttributedLoad, DocumentStore, LogStats } from '../../lib/storage/DocumentStore';
import { AuthorshipTable } from '../../lib/authorship/AuthorshipTable';
import type { RelayLedger, UnrelayedUpdate } from '../../lib/sync/RelayLedger';
import { inTransaction, type Pool } from './createPool';
import { coveredByState } from '../../lib/storage/coveredByState';
import { mergeInSlices } from '../sync/mergeInSlices';

/** Advisory lock class of document compactions (the other key is the id's hash). */
const COMPACTION_LOCK_CLASS = 0x53616d73; // "Sams"
const MAX_BATCH_RECORDS = 500;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** How long the marks of published updates wait for an append to ride on before a statement of their own. */
const MARK_DELAY_MS = 500;

interface Pending {
  readonly kind: 'append' | 'compact';
  readonly data: Buffer;
  /** Who made it (lib/authorship), stored in the same row; null: none. */
  readonly attribution: Buffer | null;
  /** What the caller passed (the relay ledger finds an update's row by it). */
  readonly source: Uint8Array;
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
  /** The history (reset count) of the snapshot loaded or written; 0 before the first reset. */
  history: number;
  /** The snapshot generation this store has seen (loaded or written); null: none. */
  generation: string | null;
  /** Records of other writers this store loaded: a compaction knows the caller's state has them. */
  loadedIds: Set<number>;
  maxLoadedId: number;
  records: number;
  bytes: number;
}

export interface PgDocumentStoreOptions {
  /** A node of a cluster: appends are stored as not yet published (see RelayLedger). */
  readonly ledger?: boolean;
}

export class PgDocumentStore implements DocumentStore, RelayLedger {
  /** Which rows this store (this node, this start) appended. */
  readonly writer = randomUUID();
  private readonly lanes = new Map<string, Lane>();
  private readonly known = new Map<string, Known>();
  private readonly ledger: boolean;
  /** Row id of each update this store appended and nobody has said is published yet. */
  private readonly rowOf = new WeakMap<Uint8Array, string>();
  /** Rows to mark published, written together (setImmediate). */
  private toMark: string[] = [];
  private markTimer: NodeJS.Timeout | null = null;
  private marking: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    options: PgDocumentStoreOptions = {},
  ) {
    this.ledger = options.ledger ?? false;
  }

  async load(documentId: string): Promise<Uint8Array[] | null> {
    return (await this.loadAttributed(documentId))?.updates ?? null;
  }

  async loadAttributed(documentId: string): Promise<AttributedLoad | null> {
    await this.flush(documentId);
    const { rows } = await this.pool.query<{
      part: number;
      id: string;
      history: string;
      writer: string;
      data: Buffer;
      attribution: Buffer | null;
    }>(
      `SELECT 0 AS part, generation AS id, history, writer, data, attribution FROM document_snapshots WHERE document_id = $1
       UNION ALL
       SELECT 1, id, 0, writer, data, attribution FROM document_updates WHERE document_id = $1
       ORDER BY part, id`,
      [documentId],
    );
    const known = this.knownOf(documentId);
    known.loaded = true;
    known.generation = rows[0]?.part === 0 ? rows[0].id : null;
    known.history = rows[0]?.part === 0 ? Number(rows[0].history) : 0;
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
    if (rows.length === 0) return null;
    return {
      updates: rows.map((row) => bytesOf(row.data)),
      attribution: rows.flatMap((row) => (row.attribution ? [bytesOf(row.attribution)] : [])),
    };
  }

  /** Every node's stamps as stored (the snapshot's table, then each row's), without touching `known`. */
  async readAttribution(documentId: string): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query<{ attribution: Buffer }>(
      `SELECT attribution FROM (
         SELECT 0 AS part, 0::bigint AS id, attribution FROM document_snapshots WHERE document_id = $1
         UNION ALL
         SELECT 1, id, attribution FROM document_updates WHERE document_id = $1
       ) AS stored WHERE attribution IS NOT NULL ORDER BY part, id`,
      [documentId],
    );
    return rows.map((row) => bytesOf(row.attribution));
  }

  async exists(documentId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM document_snapshots WHERE document_id = $1)
           OR EXISTS (SELECT 1 FROM document_updates WHERE document_id = $1) AS found`,
      [documentId],
    );
    return rows[0]?.found ?? false;
  }

  append(documentId: string, update: Uint8Array, attribution?: Uint8Array): Promise<void> {
    if (update.length === 0) return Promise.reject(new RangeError('an update is never empty'));
    return this.enqueue(documentId, 'append', Buffer.from(update), update, attribution);
  }

  async flush(documentId?: string): Promise<void> {
    const lanes = documentId === undefined ? [...this.lanes.values()] : [this.lanes.get(documentId)];
    await Promise.all(lanes.map((lane) => lane?.last?.catch(() => {})));
  }

  compact(documentId: string, snapshot: Uint8Array, attribution?: Uint8Array): Promise<void> {
    return this.enqueue(documentId, 'compact', Buffer.from(snapshot), snapshot, attribution);
  }

  relayed(_documentId: string, update: Uint8Array): void {
    const row = this.rowOf.get(update);
    if (row === undefined) return;
    this.rowOf.delete(update);
    this.toMark.push(row);
    // Marks ride on the next append's INSERT (writeAppends); when no append comes, a timer writes them.
    this.markTimer ??= setTimeout(() => {
      this.markTimer = null;
      this.marking = this.markRelayed();
    }, MARK_DELAY_MS).unref();
  }

  async publishStale(olderThanMs: number, limit: number, publish: (updates: readonly UnrelayedUpdate[]) => Promise<void>): Promise<number> {
    // Claimed by moving `stored_at` to now, a lease: no sweep takes them again for another
    // `olderThanMs` (SKIP LOCKED keeps sweeps that run at once apart), and no lock or connection
    // is held while they are published (Redis may be away for long).
    const { rows } = await this.pool.query<{ id: string; document_id: string; data: Buffer }>(
      `UPDATE document_updates SET stored_at = now()
       WHERE id IN (SELECT id FROM document_updates
                    WHERE NOT relayed AND stored_at < now() - make_interval(secs => $1::double precision / 1000)
                    ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, document_id, data`,
      [olderThanMs, limit],
    );
    if (rows.length === 0) return 0;
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    // If this throws, they stay unpublished and are claimed again once the lease has run out.
    await publish(
      rows.map((row) => ({ documentId: row.document_id, update: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length) })),
    );
    await this.markPublished(rows.map((row) => row.id));
    return rows.length;
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
    if (this.markTimer) clearTimeout(this.markTimer);
    this.markTimer = null;
    await this.marking;
    await this.markRelayed();
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
      known = { loaded: false, history: 0, generation: null, loadedIds: new Set(), maxLoadedId: 0, records: 0, bytes: 0 };
      this.known.set(documentId, known);
    }
    return known;
  }

  /** Marks the rows of `relayed` published; if that fails, the sweep publishes them again later (harmless). */
  private async markRelayed(): Promise<void> {
    const rows = this.toMark;
    this.toMark = [];
    if (rows.length > 0) await this.markPublished(rows).catch(() => undefined);
  }

  private async markPublished(rows: readonly string[]): Promise<void> {
    await this.pool.query('UPDATE document_updates SET relayed = true WHERE id = ANY($1::bigint[])', [rows]);
  }

  private enqueue(documentId: string, kind: Pending['kind'], data: Buffer, source: Uint8Array, attribution?: Uint8Array): Promise<void> {
    let lane = this.lanes.get(documentId);
    if (!lane) {
      lane = { queue: [], running: false, last: null, lastId: 0 };
      this.lanes.set(documentId, lane);
    }
    let settle!: Pending['settle'];
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    lane.queue.push({
      kind,
      data,
      source,
      settle,
      done,
      attribution: attribution && attribution.length > 0 ? Buffer.from(attribution) : null,
    });
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
          await this.settle([head], () => this.writeCompaction(documentId, lane, head.data, head.attribution));
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
    // The marks of what this node published since the last statement go in the same one: a
    // published update costs no round trip of its own. Lost with a failed INSERT, they are kept.
    const marks = this.toMark;
    this.toMark = [];
    let rows: Array<{ id: string }>;
    try {
      ({ rows } = await this.pool.query<{ id: string }>(
        `WITH marked AS (UPDATE document_updates SET relayed = true WHERE id = ANY($6::bigint[]))
         INSERT INTO document_updates (document_id, writer, data, relayed, attribution)
         SELECT $1, $2, u.data, $4, u.attribution FROM unnest($3::bytea[], $5::bytea[]) WITH ORDINALITY AS u(data, attribution, n) ORDER BY u.n
         RETURNING id`,
        [documentId, this.writer, batch.map((item) => item.data), !this.ledger, batch.map((item) => item.attribution), marks],
      ));
    } catch (error) {
      this.toMark.unshift(...marks);
      throw error;
    }
    for (const row of rows) lane.lastId = Math.max(lane.lastId, Number(row.id));
    // Identity values follow the insert order, which is the batch's (ORDER BY u.n).
    if (this.ledger) {
      const ids = rows.map((row) => row.id).sort((a, b) => Number(a) - Number(b));
      batch.forEach((item, i) => this.rowOf.set(item.source, ids[i]!));
    }
    const known = this.knownOf(documentId);
    known.records += batch.length;
    known.bytes += batch.reduce((sum, item) => sum + item.data.length, 0);
  }

  private async writeCompaction(documentId: string, lane: Lane, snapshot: Buffer, attribution: Buffer | null): Promise<void> {
    const known = this.knownOf(documentId);
    // Loaded: what this store appended or loaded; otherwise everything committed before the call.
    const boundary = known.loaded ? Math.max(lane.lastId, known.maxLoadedId) : Number.MAX_SAFE_INTEGER;
    const written = await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACTION_LOCK_CLASS, documentId]);
      const current = await client.query<{ generation: string; history: string; data: Buffer; attribution: Buffer | null }>(
        'SELECT generation, history, data, attribution FROM document_snapshots WHERE document_id = $1',
        [documentId],
      );
      const old = current.rows[0];
      const oldHistory = Number(old?.history ?? 0);
      // A room that loaded a history a reset has replaced since (on another node, before it heard
      // of the reset): its state must not come back. Its records stay (a load leaves out those of
      // retired clients), nothing is lost, and the reset's snapshot stays as it is.
      if (known.loaded && oldHistory !== known.history) return null;
      // A loaded document keeps its unpublished records (see the class comment); a reset drops all.
      const deleted = await client.query<{ id: string; writer: string; data: Buffer; attribution: Buffer | null }>(
        `DELETE FROM document_updates WHERE document_id = $1 AND id <= $2 AND (relayed OR NOT $3::boolean)
         RETURNING id, writer, data, attribution`,
        [documentId, boundary, known.loaded],
      );
      const unseen: Uint8Array[] = [];
      // Their attribution too: the caller's table lacks other nodes' stamps (their rooms stored them).
      const unseenAttribution: Uint8Array[] = [];
      if (known.loaded) {
        if (old && old.generation !== known.generation) {
          unseen.push(old.data);
          if (old.attribution) unseenAttribution.push(old.attribution);
        }
        for (const row of deleted.rows.sort((a, b) => Number(a.id) - Number(b.id)))
          if (row.writer !== this.writer && !known.loadedIds.has(Number(row.id))) {
            unseen.push(row.data);
            if (row.attribution) unseenAttribution.push(row.attribution);
          }
      }
      const merged = await mergeUnseen(snapshot, unseen);
      const mergedAttribution =
        unseenAttribution.length === 0 || !attribution
          ? attribution
          : Buffer.from(AuthorshipTable.fromStored([attribution, ...unseenAttribution]).encode());
      const generation = String(Number(old?.generation ?? 0) + 1);
      // Without a load the snapshot replaces everything: a new history (a reset).
      const history = known.loaded ? oldHistory : oldHistory + 1;
      await client.query(
        `INSERT INTO document_snapshots (document_id, generation, history, writer, data, attribution) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (document_id) DO UPDATE
         SET generation = excluded.generation, history = excluded.history, writer = excluded.writer, data = excluded.data,
             attribution = excluded.attribution`,
        [documentId, generation, history, this.writer, merged, mergedAttribution],
      );
      return { generation, history };
    });
    if (!written) return;
    known.generation = written.generation;
    known.history = written.history;
    known.loadedIds = new Set();
    known.maxLoadedId = 0;
    known.records = 0;
    known.bytes = 0;
  }
}

/** Records checked per turn by mergeUnseen before it yields to the event loop. */
const COVER_CHECKS_PER_TURN = 64;

/**
 * The snapshot with what it lacks of `unseen` (records and a snapshot other nodes wrote since this
 * store loaded). A room in a cluster has applied most of them from the update stream already, so
 * those are left out (coveredByState) instead of merged: merging a thousand records with the
 * snapshot held the event loop for 100-150 ms on every compaction, stalling every room's relay
 * on that node. What is left is merged in slices (mergeInSlices), yielding between them.
 */
async function mergeUnseen(snapshot: Buffer, unseen: readonly Uint8Array[]): Promise<Buffer> {
  if (unseen.length === 0) return snapshot;
  const state = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(snapshot));
  const lacking: Uint8Array[] = [];
  for (let i = 0; i < unseen.length; i++) {
    const record = unseen[i] as Uint8Array;
    if (!coveredByState(record, state)) lacking.push(record);
    if ((i + 1) % COVER_CHECKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (lacking.length === 0) return snapshot;
  return Buffer.from(Y.mergeUpdates([snapshot, await mergeInSlices(lacking)]));
}

function bytesOf(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

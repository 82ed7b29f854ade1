/**
 * What FileCommentStore needs to answer across documents without reading them: which document
 * each comment id is on, which comments have an open report (and since when), and the moderation
 * log. Held in memory (ids, not comments: about 60 bytes per comment; the log grows with
 * moderation acts, not with comments) and kept in one stream of its own:
 *
 *   snapshot  {"t":"s","ids":{documentId:[commentIds]},"open":[[commentId,documentId,since]],"log":[entries],"importedFrom"?:sha256}
 *   change    {"t":"c","ids"?:{documentId:[commentIds]},"open"?:[[commentId,documentId,since]],"closed"?:[commentIds],"log"?:[entries]}
 *
 * The catalogue is an index of the documents' streams, which are the truth: an id or an open
 * report it lists that the document does not have (its change record never became durable) is
 * skipped when read, and what a document has that the catalogue lacks is added when the document
 * is loaded (FileCommentStore.repairCatalogue). Applying a record twice changes nothing.
 */
import type { ModerationLogEntry } from '../../lib/comments/model';
import { DEFAULT_LOG_LIMIT } from './commentData';

export interface CatalogueChange {
  readonly ids?: Readonly<Record<string, readonly string[]>>;
  readonly open?: readonly (readonly [commentId: string, documentId: string, since: string])[];
  readonly closed?: readonly string[];
  readonly log?: readonly ModerationLogEntry[];
}

interface CatalogueSnapshot {
  readonly t: 's';
  readonly ids: Record<string, string[]>;
  readonly open: [string, string, string][];
  readonly log: ModerationLogEntry[];
  readonly importedFrom?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class CommentCatalogue {
  private readonly documentOf = new Map<string, string>();
  private readonly openReports = new Map<string, { readonly documentId: string; readonly since: string }>();
  /** Oldest first. */
  private readonly log: ModerationLogEntry[] = [];
  private readonly logIds = new Set<string>();
  /** Positions in `log` per document, ascending. */
  private readonly logByDocument = new Map<string, number[]>();
  /** The sha256 of the comments.json this store was imported from, if any. */
  importedFrom: string | undefined;

  static fromRecords(records: readonly Uint8Array[] | null): CommentCatalogue {
    const catalogue = new CommentCatalogue();
    for (const [position, bytes] of (records ?? []).entries()) {
      const record = JSON.parse(decoder.decode(bytes)) as (CatalogueChange & { t: 'c' }) | CatalogueSnapshot;
      if (record.t === 's') {
        if (position !== 0) throw new Error('comment catalogue: a snapshot record after the first position');
        catalogue.importedFrom = record.importedFrom;
        catalogue.apply({ ids: record.ids, open: record.open, log: record.log });
      } else if (record.t === 'c') {
        catalogue.apply(record);
      } else {
        throw new Error(`comment catalogue: unknown record type ${JSON.stringify((record as { t?: unknown }).t)}`);
      }
    }
    return catalogue;
  }

  get size(): number {
    return this.documentOf.size;
  }

  documentOfComment(commentId: string): string | undefined {
    return this.documentOf.get(commentId);
  }

  hasLogEntry(id: string): boolean {
    return this.logIds.has(id);
  }

  openReport(commentId: string): string | undefined {
    return this.openReports.get(commentId)?.since;
  }

  /** Open reports as listed: [commentId, documentId, since]. */
  listedReports(): [string, string, string][] {
    return [...this.openReports].map(([id, { documentId, since }]) => [id, documentId, since]);
  }

  apply(change: CatalogueChange): void {
    for (const [documentId, ids] of Object.entries(change.ids ?? {})) for (const id of ids) this.documentOf.set(id, documentId);
    for (const [id, documentId, since] of change.open ?? []) this.openReports.set(id, { documentId, since });
    for (const id of change.closed ?? []) this.openReports.delete(id);
    for (const entry of change.log ?? []) {
      if (this.logIds.has(entry.id)) continue;
      this.logIds.add(entry.id);
      const positions = this.logByDocument.get(entry.documentId) ?? [];
      positions.push(this.log.length);
      this.logByDocument.set(entry.documentId, positions);
      this.log.push(entry);
    }
  }

  /** Copies of the log's entries, newest first, optionally of some documents only. */
  moderationLog(options: { readonly documentIds?: readonly string[]; readonly limit?: number } = {}): ModerationLogEntry[] {
    const limit = options.limit ?? DEFAULT_LOG_LIMIT;
    let positions: number[];
    if (options.documentIds === undefined) {
      positions = [];
      for (let i = this.log.length - 1; i >= 0 && positions.length < limit; i--) positions.push(i);
    } else {
      // The newest `limit` of each wanted document, merged: never a scan of the whole log.
      positions = [...new Set(options.documentIds)]
        .flatMap((documentId) => (this.logByDocument.get(documentId) ?? []).slice(-limit))
        .sort((a, b) => b - a)
        .slice(0, limit);
    }
    return positions.map((i) => structuredClone(this.log[i]!));
  }

  snapshotBytes(): Uint8Array {
    const ids: Record<string, string[]> = {};
    for (const [id, documentId] of this.documentOf) (ids[documentId] ??= []).push(id);
    const snapshot: CatalogueSnapshot = {
      t: 's',
      ids,
      open: this.listedReports(),
      log: this.log,
      ...(this.importedFrom !== undefined ? { importedFrom: this.importedFrom } : {}),
    };
    return encoder.encode(JSON.stringify(snapshot));
  }
}

export function encodeCatalogueChange(change: CatalogueChange): Uint8Array {
  return encoder.encode(JSON.stringify({ t: 'c', ...change }));
}

export function isEmptyChange(change: CatalogueChange): boolean {
  return (
    Object.keys(change.ids ?? {}).length === 0 &&
    (change.open?.length ?? 0) === 0 &&
    (change.closed?.length ?? 0) === 0 &&
    (change.log?.length ?? 0) === 0
  );
}

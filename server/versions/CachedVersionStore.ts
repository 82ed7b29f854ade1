/**
 * Any VersionStore with the versions it gave out kept in memory (`VERSION_CACHE_BYTES`, LRU by
 * size): a version never changes once stored, so `get` of one already read needs no second read
 * (FileVersionStore reads and re-checks the file's hash, PgVersionStore queries the row), and
 * public pages and exports get the same few versions over and over. Only versions are kept: a
 * miss (null) is asked again next time (the version may be published meanwhile), a damaged file's
 * error is thrown each time, and lists and summaries always come from the store. Callers get
 * copies, as from the stores themselves.
 */
import type { AddVersionResult, VersionStore } from '../../lib/versions/VersionStore';
import type { DocumentVersion, NewVersion, VersionKind, VersionSummary } from '../../lib/versions/model';
import { ByteBoundedLru } from './ByteBoundedLru';
import { copyVersion } from './copyVersion';

/** What a version weighs in the cache: its Yjs state, HTML, JSON body and contributors as stored (the summary's few fields aside). */
export function versionBytes(version: DocumentVersion): number {
  const { yjsState, html, body } = version.content;
  const contributors = version.contributors ? Buffer.byteLength(JSON.stringify(version.contributors)) : 0;
  return yjsState.byteLength + Buffer.byteLength(html) + Buffer.byteLength(JSON.stringify(body)) + contributors;
}

export class CachedVersionStore implements VersionStore {
  private readonly cache: ByteBoundedLru<DocumentVersion>;

  constructor(
    private readonly inner: VersionStore,
    maxBytes: number,
  ) {
    this.cache = new ByteBoundedLru(maxBytes);
  }

  async get(documentId: string, number: number): Promise<DocumentVersion | null> {
    const key = `${number}:${documentId}`;
    const kept = this.cache.get(key);
    if (kept) return copyVersion(kept);
    const version = await this.inner.get(documentId, number);
    if (!version) return null;
    const copy = copyVersion(version);
    this.cache.set(key, copy, versionBytes(copy));
    return version;
  }

  /** Versions kept and their total size (for tests and diagnostics). */
  cached(): { readonly versions: number; readonly bytes: number } {
    return { versions: this.cache.size, bytes: this.cache.bytes };
  }

  list(documentId: string): Promise<VersionSummary[]> {
    return this.inner.list(documentId);
  }

  byIdempotencyKey(documentId: string, key: string): Promise<VersionSummary | null> {
    return this.inner.byIdempotencyKey(documentId, key);
  }

  add(version: NewVersion): Promise<AddVersionResult> {
    return this.inner.add(version);
  }

  latestOf(documentIds: readonly string[]): Promise<Map<string, VersionSummary>> {
    return this.inner.latestOf(documentIds);
  }

  recent(kind: VersionKind, limit: number, documentIds?: readonly string[]): Promise<VersionSummary[]> {
    return this.inner.recent(kind, limit, documentIds);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

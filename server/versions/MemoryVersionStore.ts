/** Versions in memory, for unit tests: the VersionStore contract without a disk. */
import type { AddVersionResult, VersionStore } from '../../lib/versions/VersionStore';
import type { DocumentVersion, NewVersion, VersionKind, VersionSummary } from '../../lib/versions/model';
import { byNewestPublished, copySummary, copyVersion } from './copyVersion';

interface Versions {
  readonly byNumber: Map<number, DocumentVersion>;
  readonly byKey: Map<string, number>;
}

export class MemoryVersionStore implements VersionStore {
  private readonly documents = new Map<string, Versions>();

  private of(documentId: string): Versions {
    let versions = this.documents.get(documentId);
    if (!versions) this.documents.set(documentId, (versions = { byNumber: new Map(), byKey: new Map() }));
    return versions;
  }

  async list(documentId: string): Promise<VersionSummary[]> {
    const versions = [...(this.documents.get(documentId)?.byNumber.values() ?? [])];
    return versions.sort((a, b) => b.number - a.number).map(copySummary);
  }

  async get(documentId: string, number: number): Promise<DocumentVersion | null> {
    const version = this.documents.get(documentId)?.byNumber.get(number);
    return version ? copyVersion(version) : null;
  }

  async byIdempotencyKey(documentId: string, key: string): Promise<VersionSummary | null> {
    const versions = this.documents.get(documentId);
    const number = versions?.byKey.get(key);
    const version = number === undefined ? undefined : versions?.byNumber.get(number);
    return version ? copySummary(version) : null;
  }

  async add(version: NewVersion): Promise<AddVersionResult> {
    const versions = this.of(version.documentId);
    if (version.idempotencyKey !== null && versions.byKey.has(version.idempotencyKey)) return 'key_taken';
    if (versions.byNumber.has(version.number)) return 'number_taken';
    versions.byNumber.set(version.number, copyVersion(version));
    if (version.idempotencyKey !== null) versions.byKey.set(version.idempotencyKey, version.number);
    return 'added';
  }

  async latestOf(documentIds: readonly string[]): Promise<Map<string, VersionSummary>> {
    const latest = new Map<string, VersionSummary>();
    for (const id of documentIds) {
      let newest: DocumentVersion | undefined;
      for (const version of this.documents.get(id)?.byNumber.values() ?? [])
        if (!newest || version.number > newest.number) newest = version;
      if (newest) latest.set(id, copySummary(newest));
    }
    return latest;
  }

  async recent(kind: VersionKind, limit: number, documentIds?: readonly string[]): Promise<VersionSummary[]> {
    const documents =
      documentIds === undefined ? [...this.documents.values()] : [...new Set(documentIds)].map((id) => this.documents.get(id));
    const all = documents.flatMap((versions) => [...(versions?.byNumber.values() ?? [])]);
    return all
      .filter((version) => version.kind === kind)
      .sort(byNewestPublished)
      .slice(0, Math.max(0, limit))
      .map(copySummary);
  }

  async close(): Promise<void> {}
}

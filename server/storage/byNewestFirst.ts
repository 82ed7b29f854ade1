import type { DocumentMeta } from '../../lib/storage/MetadataStore';

/** Start-page order: newest createdAt first; ties by id so every store gives the same order. */
export function byNewestFirst(a: DocumentMeta, b: DocumentMeta): number {
  const newer = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (newer !== 0 && !Number.isNaN(newer)) return newer;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A document as its public pages show it: the document (when can() lets the visitor view it) and
 * its versions, newest first, read through the version service (which checks `view` again).
 * Looked up once per render: generateMetadata and the page share the answer (React `cache`).
 */
import { cache } from 'react';
import { isDomainError } from '../../lib/errors/DomainError';
import type { DocumentVersion, VersionSummary } from '../../lib/versions/model';
import { findViewableDocument, type ViewedDocument } from '../_server/viewableDocument';
import { getServices } from '../../lib/services';

export interface PublicDocument extends ViewedDocument {
  /** Newest first. */
  readonly versions: readonly VersionSummary[];
}

/** The service's "not found" (no such document or version, or hidden from the visitor) as null. */
async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && error.kind === 'not_found') return null;
    throw error;
  }
}

/** Null when the id names no document the visitor may view (malformed ids included). */
export const loadPublicDocument = cache(async (rawId: string): Promise<PublicDocument | null> => {
  const found = await findViewableDocument(rawId);
  if (!found) return null;
  const versions = await orNull(() => getServices().versions.list(found.actor, found.id));
  return versions ? { ...found, versions } : null;
});

/** Version `number` of a document the visitor may view; null when either does not exist for them. */
export const loadVersion = cache(async (rawId: string, number: number): Promise<DocumentVersion | null> => {
  const document = await loadPublicDocument(rawId);
  if (!document || !document.versions.some((version) => version.number === number)) return null;
  return orNull(() => getServices().versions.get(document.actor, document.id, number));
});

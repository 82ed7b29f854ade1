import type { DocumentMeta } from '../storage/MetadataStore';
import { externalSubject } from './schemas';

/** The creator id of documents an API key creates directly. */
export const apiKeyCreator = (keyId: string): string => `apikey:${keyId}`;

/**
 * Whether a document is the key's platform's own: created through the key, or brought into being
 * by an edit token it minted. A key reads, shares and mints tokens only for those, never for the
 * documents people made in Samskriv itself.
 */
export function belongsToKey(meta: Pick<DocumentMeta, 'createdBy'>, keyId: string): boolean {
  return meta.createdBy.id === apiKeyCreator(keyId) || meta.createdBy.id.startsWith(externalSubject(keyId, ''));
}

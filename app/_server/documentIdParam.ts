import { parseDocumentId, type DocumentId } from '../../lib/documentId';
import { HttpError } from './http';

/** A route's `[id]` as a DocumentId; a malformed one names no document, so it is "not found". */
export function documentIdParam(raw: string): DocumentId {
  const id = parseDocumentId(raw);
  if (!id) throw new HttpError(404, 'not_found');
  return id;
}

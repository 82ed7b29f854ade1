import type { Action } from '../../lib/access/model';
import { parseDocumentId, type DocumentId } from '../../lib/documentId';
import type { OpenedDocument } from '../../lib/documents/DocumentActs';
import type { Principal } from '../../lib/people/Principal';
import { documentActs } from './documentActs';
import { HttpError } from './http';
import { actorOf, readPrincipal } from './readPrincipal';

/**
 * The signed-in person and the document, when the access gate allows `action` on it. A document they
 * may not even view is "not found" (its existence is not revealed); one they may view is 403.
 */
export async function requireDocumentAccess(
  rawId: string,
  action: Action,
): Promise<OpenedDocument & { principal: Principal; id: DocumentId }> {
  const principal = await readPrincipal();
  if (!principal) throw new HttpError(401, 'unauthenticated');
  const id = parseDocumentId(rawId);
  if (!id) throw new HttpError(404, 'not_found');
  const opened = await documentActs().open(actorOf(principal), id, action);
  return { ...opened, principal, id };
}

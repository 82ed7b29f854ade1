import { can } from '../../lib/access/can';
import type { Action, DocumentResource } from '../../lib/access/model';
import { isValidDocumentId } from '../../lib/documentId';
import { getServices } from '../../lib/services';
import type { Principal } from '../../lib/people/Principal';
import { HttpError } from './http';
import { actorOf, readPrincipal } from './readPrincipal';

/**
 * The signed-in person and the document, when can() allows `action` on it. A document they may not
 * even view is "not found" (its existence is not revealed); one they may view is 403.
 */
export async function requireDocumentAccess(id: string, action: Action): Promise<{ principal: Principal; resource: DocumentResource }> {
  const principal = await readPrincipal();
  if (!principal) throw new HttpError(401, 'unauthenticated');
  const resource = isValidDocumentId(id) ? await getServices().documents.resource(id) : null;
  if (!resource || !can(actorOf(principal), 'view', resource).allowed) throw new HttpError(404, 'not_found');
  if (!can(actorOf(principal), action, resource).allowed) throw new HttpError(403, 'forbidden');
  return { principal, resource };
}

import type { DocumentActs } from '../../lib/documents/DocumentActs';
import { createDocumentActs } from '../../lib/documents/createDocumentActs';
import { getServices } from '../../lib/services';

/** The running process's documents, each change gated on the actor (lib/documents/DocumentActs.ts); phase changes and grants are told (issue 12). */
export function documentActs(): DocumentActs {
  const { documents, notifications } = getServices();
  return createDocumentActs(documents, undefined, notifications.notify);
}

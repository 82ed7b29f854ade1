import type { DocumentActs } from '../../lib/documents/DocumentActs';
import { createDocumentActs } from '../../lib/documents/createDocumentActs';
import { getServices } from '../../lib/services';

/** The running process's documents, each change gated on the actor (lib/documents/DocumentActs.ts). */
export function documentActs(): DocumentActs {
  return createDocumentActs(getServices().documents);
}

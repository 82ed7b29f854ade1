import { type Actor, type DocumentResource, type DocumentRole } from './model';

// A Record, so that a new role cannot be added to the model without being ranked here.
const RANK: Readonly<Record<DocumentRole, number>> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

/** True when `role` is `minimum` or stronger (owner > editor > commenter > viewer). */
export function roleAtLeast(role: DocumentRole | null, minimum: DocumentRole): boolean {
  return role !== null && RANK[role] >= RANK[minimum];
}

/**
 * The strongest role an actor holds on a document: their own grant or one to an organisation they
 * belong to. Only grants count here; whether the actor may act (disabled, state, staff) is can()'s.
 */
export function effectiveDocumentRole(actor: Actor, document: Pick<DocumentResource, 'grants'>): DocumentRole | null {
  if (actor.kind !== 'person') return null;
  let best: DocumentRole | null = null;
  for (const grant of document.grants) {
    const held = grant.subject === 'person' ? grant.personId === actor.id : actor.organisationIds.includes(grant.organisationId);
    if (held && (best === null || RANK[grant.role] > RANK[best])) best = grant.role;
  }
  return best;
}

/**
 * Notification events of changes to a document itself (its phase, its grants, its publication, an
 * access request), as DocumentActs, SharingService and VersionService emit them. An actor's `name`
 * may be '' where the service knows only the id: the notification service looks the name up.
 */
import { roleAtLeast } from '../access/effectiveDocumentRole';
import type { Actor, DocumentRole, DocumentState, Grant } from '../access/model';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { EventActor, NotificationEvent } from './model';

export const eventActorOfActor = (actor: Actor, name = ''): EventActor => ({
  personId: actor.kind === 'person' ? actor.id : null,
  name: actor.kind === 'guest' ? actor.displayName : name,
});

/**
 * A move to another phase; none for a move that changed nothing, nor for a move into final unless
 * `final` says so: that move is told as the publication of the version it makes (VersionService),
 * and only a move into final that made no new version is told as a move (the phase route).
 */
export function phaseEvent(actor: Actor, from: DocumentState, meta: DocumentMeta, final = false): NotificationEvent | null {
  if (from === meta.state || (meta.state === 'final' && !final)) return null;
  return {
    kind: 'phase_changed',
    eventId: `phase:${meta.id}:${meta.state}:${meta.updatedAt}`,
    documentId: meta.id,
    actor: eventActorOfActor(actor),
    from,
    to: meta.state,
  };
}

export function publishedEvent(actor: EventActor, documentId: string, version: number): NotificationEvent {
  return { kind: 'published', eventId: `version:${documentId}:${version}`, documentId, actor, version };
}

const subjectKey = (grant: Grant) => (grant.subject === 'person' ? `person:${grant.personId}` : `organisation:${grant.organisationId}`);

/**
 * One event per role newly held: a subject granted for the first time or raised to a stronger role
 * (lowering or removing a grant tells nobody). `at` makes a later grant of the same role its own event.
 */
export function grantEvents(actor: Actor, before: readonly Grant[], after: DocumentMeta, at: string): NotificationEvent[] {
  const held = new Map(before.map((grant) => [subjectKey(grant), grant.role]));
  const byRole = new Map<DocumentRole, { personIds: string[]; organisationIds: string[] }>();
  for (const grant of after.grants) {
    const previous = held.get(subjectKey(grant)) ?? null;
    if (previous !== null && roleAtLeast(previous, grant.role)) continue;
    const entry = byRole.get(grant.role) ?? { personIds: [], organisationIds: [] };
    if (grant.subject === 'person') entry.personIds.push(grant.personId);
    else entry.organisationIds.push(grant.organisationId);
    byRole.set(grant.role, entry);
  }
  return [...byRole].map(([role, granted]) => ({
    kind: 'access_granted',
    eventId: `grant:${after.id}:${role}:${[...granted.personIds, ...granted.organisationIds].sort().join(',')}:${at}`,
    documentId: after.id,
    actor: eventActorOfActor(actor),
    ...granted,
    role,
  }));
}

export function accessRequestedEvent(actor: Actor, documentId: string, requestId: string): NotificationEvent {
  return { kind: 'access_requested', eventId: `request:${requestId}`, documentId, actor: eventActorOfActor(actor), requestId };
}

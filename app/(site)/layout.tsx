import type { ReactNode } from 'react';
import { can } from '../../lib/access/can';
import type { PersonActor } from '../../lib/access/model';
import { colourFor } from '../../lib/auth/colourFor';
import { getServices } from '../../lib/services';
import { ServiceWorkerRegistration } from '../_offline/ServiceWorkerRegistration';
import { SiteShell } from '../_components/SiteShell';
import { readPrincipal } from '../_server/readPrincipal';
import { isAdmin } from '../_server/requireAdmin';

export const dynamic = 'force-dynamic';

/** The bell's count; a failure to count is logged and shows no count, never an error page. */
async function unreadFor(person: PersonActor): Promise<number> {
  const { notifications, logger } = getServices();
  try {
    return await notifications.unreadCount(person);
  } catch (error) {
    logger.error({ err: error }, 'could not count unread notifications');
    return 0;
  }
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const principal = await readPrincipal();
  const organisations = principal ? await getServices().organisations.organisationsOf(principal.personId) : [];
  const unread = principal?.actor.kind === 'person' ? await unreadFor(principal.actor) : 0;
  const person = principal && {
    personKey: principal.personId,
    name: principal.label,
    color: colourFor(principal.personId),
    admin: isAdmin(principal),
    moderator: can(principal.actor, 'moderate', { kind: 'platform' }).allowed,
    ownName: principal.resolved.person.name,
    organisations: organisations.map(({ id, name }) => ({ id, name })),
    actingFor: principal.resolved.session.actingForOrganisationId ?? null,
    unread,
  };
  return (
    <ServiceWorkerRegistration>
      <SiteShell person={person}>{children}</SiteShell>
    </ServiceWorkerRegistration>
  );
}

import { can } from '../../lib/access/can';
import type { PersonActor } from '../../lib/access/model';
import { colourFor } from '../../lib/auth/colourFor';
import { getServices } from '../../lib/services';
import type { ShellPerson } from '../_components/SiteShell';
import { readPrincipal } from './readPrincipal';
import { isAdmin } from './requireAdmin';

/**
 * Who the site's header names, or null when signed out: the site layout's and the root not-found
 * page's (which a missing document's page is rewritten to, outside the site layout) one answer.
 */
export async function readShellPerson(): Promise<ShellPerson | null> {
  const principal = await readPrincipal();
  if (!principal) return null;
  const organisations = await getServices().organisations.organisationsOf(principal.personId);
  return {
    personKey: principal.personId,
    name: principal.label,
    color: colourFor(principal.personId),
    admin: isAdmin(principal),
    moderator: can(principal.actor, 'moderate', { kind: 'platform' }).allowed,
    ownName: principal.resolved.person.name,
    organisations: organisations.map(({ id, name }) => ({ id, name })),
    actingFor: principal.resolved.session.actingForOrganisationId ?? null,
    unread: principal.actor.kind === 'person' ? await unreadFor(principal.actor) : 0,
  };
}

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

import type { Participant } from '../../lib/comments/Participant';
import { clientIp } from './clientIp';
import { readGuest } from './guestCookie';
import { readPrincipal } from './readPrincipal';

/**
 * Who acts on comments in this request: the signed-in person (with the organisation they act for),
 * else the guest of a valid guest cookie, else an anonymous visitor; with the client's address.
 */
export async function readParticipant(request: Request): Promise<Participant> {
  const ip = clientIp(request);
  const principal = await readPrincipal();
  if (principal && principal.actor.kind === 'person') {
    // The principal resolved the organisation the person acts for already; no second lookup.
    return { kind: 'person', actor: principal.actor, name: principal.resolved.person.name, organisation: principal.organisation, ip };
  }
  const guest = await readGuest();
  if (guest) return { kind: 'guest', actor: { kind: 'guest', id: guest.id, displayName: guest.name }, ip };
  return { kind: 'anonymous', ip };
}

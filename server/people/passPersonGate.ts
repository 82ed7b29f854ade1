/**
 * The people, workspace, organisation, account and API-key services' door to the one access gate
 * (lib/access/gate.ts): the acting person is loaded from the store (an id the caller names is never
 * trusted: an unknown one is refused like a signed-out visitor), then the resource, and the gate
 * decides with can(). Refusals keep the codes the HTTP layer maps for these services (PeopleError):
 * - a resource that is missing, or that the actor may not even view: the service's own "not found"
 *   (`missing`), so its existence is not revealed;
 * - one they may view but not act on: `forbidden`, with can()'s reason in the message.
 * The platform itself always exists and is no secret: every refusal on it is `forbidden`.
 */
import { can } from '../../lib/access/can';
import { passGate } from '../../lib/access/gate';
import type { Action, PersonActor, Resource } from '../../lib/access/model';
import type { AccountStore, Person } from '../../lib/people/AccountStore';
import { PeopleError } from '../../lib/people/PeopleError';
import { actorOf } from './actorOf';

export const PLATFORM = { kind: 'platform' } as const;

export interface PersonGateTarget<T, R extends Resource> {
  /** Null when there is no such thing. */
  readonly load: () => Promise<T | null>;
  readonly resourceOf: (found: T) => R;
  /** The refusal for a missing or hidden resource (default: `not_found`). */
  readonly missing?: () => Error;
}

const forbidden = (reason: string) => new PeopleError('forbidden', `not allowed: ${reason}`);

/** The acting person and their actor: loaded, never taken from the caller. */
async function actingPerson(store: AccountStore, personId: string): Promise<{ person: Person; actor: PersonActor }> {
  const person = await store.getPerson(personId);
  if (!person) throw forbidden('not_signed_in');
  return { person, actor: await actorOf(store, person) };
}

/** The person, what was loaded and its resource, when can() lets the person do `action` on it. */
export async function passPersonGate<T, R extends Resource>(
  store: AccountStore,
  personId: string,
  action: Action,
  target: PersonGateTarget<T, R>,
): Promise<{ person: Person; actor: PersonActor; found: T; resource: R }> {
  const { person, actor } = await actingPerson(store, personId);
  const { found, resource } = await passGate({
    actor,
    action,
    load: target.load,
    resourceOf: target.resourceOf,
    refuse: {
      hidden: () => target.missing?.() ?? new PeopleError('not_found', 'not found'),
      denied: (reason) => forbidden(reason),
    },
  });
  return { person, actor, found, resource };
}

/** The person, when can() lets them do `action` on the platform (administer: admins). */
export async function passPlatformGate(
  store: AccountStore,
  personId: string,
  action: Action,
): Promise<{ person: Person; actor: PersonActor }> {
  const { person, actor } = await actingPerson(store, personId);
  await passGate({
    actor,
    action,
    load: async () => PLATFORM,
    resourceOf: (platform) => platform,
    // The platform is no secret: a refusal is "forbidden" whether or not can() lets one view it.
    refuse: { hidden: () => forbidden(judgeReason(actor, action)), denied: (reason) => forbidden(reason) },
  });
  return { person, actor };
}

function judgeReason(actor: PersonActor, action: Action): string {
  const decision = can(actor, action, PLATFORM);
  return decision.allowed ? 'not_applicable' : decision.reason;
}

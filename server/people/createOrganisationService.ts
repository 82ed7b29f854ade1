/**
 * Organisations (associations, businesses with a checked CVR number, municipal centres) and who
 * belongs to them. Membership lets a person act for the organisation ("Navn (Organisation)") and
 * share its document grants, so only an admin adds members; anyone may leave, and an admin may
 * remove anyone.
 */
import { AccountStoreError, type Organisation, type PersonProfile } from '../../lib/people/AccountStore';
import { organisationRenameSchema, organisationSchema } from '../../lib/people/schemas';
import { createLogger } from '../logger';
import { createAccessEvents } from './accessEvents';
import { newId } from './newId';
import { pageQuerySchema } from '../../lib/people/pageQuerySchema';
import { byName } from './pageOf';
import { parseInput } from './parseInput';
import { PeopleError } from '../../lib/people/PeopleError';
import type { PlacesServiceOptions } from './PeopleServiceOptions';
import { passPlatformGate } from './passPersonGate';
import { toProfile } from './toProfile';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import type { OrganisationInput, OrganisationRemoval, OrganisationService } from '../../lib/people/OrganisationService';

export type { OrganisationInput, OrganisationRemoval, OrganisationService } from '../../lib/people/OrganisationService';

async function present<T>(ids: readonly string[], get: (id: string) => Promise<T | null>): Promise<T[]> {
  return (await Promise.all(ids.map(get))).filter((item): item is Awaited<T> => item !== null);
}

const grantsTo = (organisationId: string) => (document: DocumentMeta) =>
  document.grants.some((grant) => grant.subject === 'organisation' && grant.organisationId === organisationId);

export function createOrganisationService(options: PlacesServiceOptions): OrganisationService {
  const { store, documents, clock = Date.now, logger = createLogger('silent'), events = createAccessEvents(logger) } = options;

  async function existing(organisationId: string): Promise<Organisation> {
    const organisation = await store.getOrganisation(organisationId);
    if (!organisation) throw new PeopleError('not_found', 'no such organisation');
    return organisation;
  }

  async function rename(adminPersonId: string, organisationId: string, input: unknown): Promise<Organisation> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const { name } = parseInput(organisationRenameSchema, input);
    const organisation = await store.updateOrganisation(organisationId, { name });
    if (!organisation) throw new PeopleError('not_found', 'no such organisation');
    logger.info({ event: 'organisation_renamed', adminId: adminPersonId, organisationId }, 'an admin renamed an organisation');
    return organisation;
  }

  async function removal(adminPersonId: string, organisationId: string): Promise<OrganisationRemoval> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const organisation = await existing(organisationId);
    const [memberIds, granted] = await Promise.all([
      store.memberIdsOf(organisationId),
      documents ? documents.list().then((all) => all.filter(grantsTo(organisationId))) : [],
    ]);
    return { organisation, members: memberIds.length, documents: granted.length };
  }

  async function remove(adminPersonId: string, organisationId: string): Promise<OrganisationRemoval> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const organisation = await existing(organisationId);
    // The grants go first: should this stop half-way, the organisation is still there to remove again.
    let changed = 0;
    for (const document of documents ? (await documents.list()).filter(grantsTo(organisationId)) : []) {
      const grants = document.grants.filter((grant) => !(grant.subject === 'organisation' && grant.organisationId === organisationId));
      if (await documents?.setGrants(document.id, grants)) changed += 1;
    }
    const memberIds = await store.removeOrganisation(organisationId, new Date(clock()).toISOString());
    if (!memberIds) throw new PeopleError('not_found', 'no such organisation');
    // Its grants no longer reach them and they no longer act for it: live connections must be re-checked.
    for (const personId of memberIds) events.emitAccessRevoked({ personId, reason: 'left_organisation' });
    logger.info(
      { event: 'organisation_removed', adminId: adminPersonId, organisationId, members: memberIds.length, documents: changed },
      'an admin removed an organisation',
    );
    return { organisation, members: memberIds.length, documents: changed };
  }

  async function create(adminPersonId: string, input: OrganisationInput): Promise<Organisation> {
    await passPlatformGate(store, adminPersonId, 'administer');
    const { name, kind, cvr } = parseInput(organisationSchema, input);
    const organisation = await store.createOrganisation({
      id: newId('o'),
      name,
      kind,
      ...(cvr !== undefined && { cvr }),
      createdAt: new Date(clock()).toISOString(),
    });
    logger.info(
      { event: 'organisation_created', adminId: adminPersonId, organisationId: organisation.id },
      'an admin created an organisation',
    );
    return organisation;
  }

  async function join(adminPersonId: string, personId: string, organisationId: string): Promise<boolean> {
    await passPlatformGate(store, adminPersonId, 'administer');
    try {
      return await store.addMembership({ personId, organisationId });
    } catch (error) {
      if (error instanceof AccountStoreError && error.code === 'not_found') throw new PeopleError('not_found', error.message);
      throw error;
    }
  }

  async function leave(actorPersonId: string, personId: string, organisationId: string): Promise<boolean> {
    if (actorPersonId !== personId) await passPlatformGate(store, actorPersonId, 'administer');
    else if (!(await store.getPerson(personId))) throw new PeopleError('forbidden', 'not allowed: not_signed_in');
    const removed = await store.removeMembership({ personId, organisationId });
    // Their organisation's grants no longer reach them: live connections must be re-checked.
    if (removed) events.emitAccessRevoked({ personId, reason: 'left_organisation' });
    return removed;
  }

  async function membersOf(organisationId: string): Promise<PersonProfile[]> {
    const people = await present(await store.memberIdsOf(organisationId), (id) => store.getPerson(id));
    return people.sort(byName).map(toProfile);
  }

  async function organisationsOf(personId: string): Promise<Organisation[]> {
    return (await present(await store.organisationIdsOf(personId), (id) => store.getOrganisation(id))).sort(byName);
  }

  return {
    create,
    get: (id) => store.getOrganisation(id),
    list: async (query) => store.listOrganisations(parseInput(pageQuerySchema, query)),
    join,
    leave,
    membersOf,
    organisationsOf,
    rename,
    removal,
    remove,
  };
}

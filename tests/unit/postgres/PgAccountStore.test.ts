/** PgAccountStore runs the AccountStore contract against a real PostgreSQL, and its one-read session check. */
import { beforeEach, describe, expect, it } from 'vitest';
import { PgAccountStore } from '../../../server/postgres/PgAccountStore';
import {
  accountStoreContract,
  sampleOrganisation,
  samplePerson,
  sampleSession,
  sampleWorkspace,
} from '../people/store/accountStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

accountStoreContract('PgAccountStore', async () => {
  await database.truncate();
  return new PgAccountStore(database.pool);
});

describe('PgAccountStore.getSessionContext', () => {
  let store: PgAccountStore;
  beforeEach(async () => {
    await database.truncate();
    store = new PgAccountStore(database.pool);
    await store.createPerson(samplePerson('p1'));
    await store.createPerson(samplePerson('p2'));
  });

  it('gives exactly what the separate reads give, in one statement', async () => {
    await store.createOrganisation(sampleOrganisation('o2'));
    await store.createOrganisation(sampleOrganisation('o1'));
    await store.addMembership({ personId: 'p1', organisationId: 'o2' });
    await store.addMembership({ personId: 'p1', organisationId: 'o1' });
    await store.createWorkspace(sampleWorkspace('w2'));
    await store.createWorkspace(sampleWorkspace('w1'));
    await store.addWorkspaceMember('w2', 'p1');
    await store.addWorkspaceMember('w1', 'p1');
    const session = sampleSession('h1', 'p1', { actingForOrganisationId: 'o1' });
    await store.createSession(session);

    const context = await store.getSessionContext('h1');
    expect(context).toEqual({
      session,
      person: await store.getPerson('p1'),
      organisationIds: await store.organisationIdsOf('p1'),
      workspaceIds: await store.workspaceIdsOf('p1'),
    });
    expect(context?.organisationIds).toEqual(['o1', 'o2']);
    expect(context?.workspaceIds).toEqual(['w2', 'w1']);
  });

  it('gives empty lists for a person in nothing, and null for an unknown session', async () => {
    await store.createSession(sampleSession('h2', 'p2'));
    expect(await store.getSessionContext('h2')).toEqual({
      session: sampleSession('h2', 'p2'),
      person: samplePerson('p2'),
      organisationIds: [],
      workspaceIds: [],
    });
    expect(await store.getSessionContext('nobody')).toBeNull();
  });
});

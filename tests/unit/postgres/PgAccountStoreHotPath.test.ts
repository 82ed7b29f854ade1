/**
 * What every request costs on PgAccountStore: a session check (the session, the person, their
 * organisations and workspaces, in one statement) and a sign-in (the person by e-mail, the session written) are a
 * fixed number of statements, whatever the person holds: no statement per organisation or
 * workspace, no transaction around a single statement.
 */
import { afterAll, expect, it } from 'vitest';
import { createPool, type Pool } from '../../../server/postgres/createPool';
import { PgAccountStore } from '../../../server/postgres/PgAccountStore';
import { createPrincipalResolver, createSessionService } from '../../../server/people';
import { startSession } from '../../../server/people/startSession';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

/** Counts the statements sent through `pool.query`. */
function countQueries(pool: Pool): { count: number } {
  const counter = { count: 0 };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    counter.count += 1;
    return query(...args);
  };
  return counter;
}

const pool = createPool(database.url, { max: 2 });
afterAll(() => pool.end());

it('checks a session in one statement and signs in with two, also for a member of organisations and workspaces', async () => {
  const store = new PgAccountStore(pool);
  const at = new Date().toISOString();
  await store.createPerson({
    id: 'p_anna',
    email: 'anna@example.dk',
    name: 'Anna',
    passwordHash: 'x',
    role: 'citizen',
    disabled: false,
    createdAt: at,
    updatedAt: at,
  });
  for (let i = 0; i < 3; i++) {
    await store.createOrganisation({ id: `o_${i}`, name: `Forening ${i}`, kind: 'association', createdAt: at });
    await store.addMembership({ personId: 'p_anna', organisationId: `o_${i}` });
    await store.createWorkspace({ id: `w_${i}`, name: `Rum ${i}`, createdAt: at, memberIds: ['p_anna'] });
  }
  const queries = countQueries(pool);
  const person = await store.getPersonByEmail('anna@example.dk');
  const { sessionId } = await startSession(store, person!.id, Date.now());
  expect(queries.count).toBe(2);
  const resolve = createPrincipalResolver(createSessionService({ store }), store);
  for (let i = 0; i < 3; i++) {
    const principal = await resolve(sessionId);
    expect(principal?.personId).toBe('p_anna');
    expect(principal?.resolved.actor).toMatchObject({ organisationIds: ['o_0', 'o_1', 'o_2'], workspaceIds: ['w_0', 'w_1', 'w_2'] });
  }
  // getSessionContext: the session, the person and their organisation and workspace ids in one statement.
  expect(queries.count).toBe(2 + 3 * 1);
});

it('reads 500 people with their organisations and workspaces in one statement (mention suggestions)', async () => {
  const store = new PgAccountStore(pool);
  const at = new Date().toISOString();
  const ids = Array.from({ length: 500 }, (_, i) => `p_many_${i}`);
  await pool.query(
    `INSERT INTO people (id, email, name, password_hash, role, disabled, created_at, updated_at)
     SELECT id, id || '@example.dk', 'Navn ' || id, 'x', 'citizen', false, $2, $2 FROM unnest($1::text[]) AS id`,
    [ids, at],
  );
  await store.createOrganisation({ id: 'o_many', name: 'Mange', kind: 'association', createdAt: at });
  await store.addMembership({ personId: 'p_many_7', organisationId: 'o_many' });
  await store.createWorkspace({ id: 'w_many', name: 'Mange', createdAt: at, memberIds: ['p_many_7', 'p_many_8'] });
  const queries = countQueries(pool);
  const contexts = await store.getPeopleContexts([...ids, 'p_unknown']);
  expect(queries.count).toBe(1);
  expect(contexts).toHaveLength(500);
  const seventh = contexts.find((context) => context.person.id === 'p_many_7');
  expect(seventh).toMatchObject({ person: { name: 'Navn p_many_7' }, organisationIds: ['o_many'], workspaceIds: ['w_many'] });
  expect(contexts.find((context) => context.person.id === 'p_many_9')).toMatchObject({ organisationIds: [], workspaceIds: [] });
});

/**
 * What every request costs on PgAccountStore: a session check (the session, the person, their
 * organisations and workspaces) and a sign-in's session write are a fixed number of one-row
 * statements, each planned once per connection (named, prepared), not on every call.
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

// One connection, so what it has prepared is what every call of the store ran on.
const pool = createPool(database.url, { max: 1 });
afterAll(() => pool.end());

it('checks a session in four one-row statements and signs in with one, each prepared once per connection', async () => {
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
  const queries = countQueries(pool);
  const person = await store.getPersonByEmail('anna@example.dk');
  const { sessionId } = await startSession(store, person!.id, Date.now());
  expect(queries.count).toBe(2);
  const resolve = createPrincipalResolver(createSessionService({ store }), store);
  for (let i = 0; i < 3; i++) expect((await resolve(sessionId))?.personId).toBe('p_anna');
  expect(queries.count).toBe(2 + 3 * 4);
  const { rows } = await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
  expect(rows.map((row) => row.name)).toEqual(
    expect.arrayContaining([
      'samskriv_create_session',
      'samskriv_get_person',
      'samskriv_get_person_by_email',
      'samskriv_get_session',
      'samskriv_organisation_ids_of',
      'samskriv_workspace_ids_of',
    ]),
  );
});

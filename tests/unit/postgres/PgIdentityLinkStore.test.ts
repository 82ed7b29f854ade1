/** PgIdentityLinkStore runs the IdentityLinkStore contract against a real PostgreSQL (migration 0006). */
import { describe, expect, it } from 'vitest';
import { PgAccountStore } from '../../../server/postgres/PgAccountStore';
import { PgIdentityLinkStore } from '../../../server/postgres/PgIdentityLinkStore';
import { identityLinkStoreContract, link } from '../oidc/identityLinkStoreContract';
import { samplePerson } from '../people/store/accountStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

async function emptyStoreWithPeople(): Promise<PgIdentityLinkStore> {
  await database.truncate();
  const people = new PgAccountStore(database.pool);
  await people.createPerson(samplePerson('p_karen'));
  await people.createPerson(samplePerson('p_other'));
  return new PgIdentityLinkStore(database.pool);
}

identityLinkStoreContract('PgIdentityLinkStore', emptyStoreWithPeople);

describe('PgIdentityLinkStore and people', () => {
  it('refuses a link to nobody, and loses a person’s links with the person', async () => {
    const store = await emptyStoreWithPeople();
    await expect(store.add(link({ personId: 'p_nobody' }))).rejects.toThrow();
    expect(await store.add(link())).toBe(true);
    await database.pool.query('DELETE FROM people WHERE id = $1', ['p_karen']);
    expect(await store.get('mitid', 'sub-1')).toBeNull();
  });
});

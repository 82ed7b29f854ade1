/** PgAccountStore runs the AccountStore contract against a real PostgreSQL. */
import { PgAccountStore } from '../../../server/postgres/PgAccountStore';
import { accountStoreContract } from '../people/store/accountStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

accountStoreContract('PgAccountStore', async () => {
  await database.truncate();
  return new PgAccountStore(database.pool);
});

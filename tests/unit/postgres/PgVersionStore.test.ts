/** PgVersionStore runs the VersionStore contract against a real PostgreSQL (restart: a new store on the same database). */
import { PgVersionStore } from '../../../server/postgres/PgVersionStore';
import { versionStoreContract } from '../versions/versionStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

versionStoreContract('PgVersionStore', {
  async make() {
    await database.truncate();
    return new PgVersionStore(database.pool);
  },
  reopen: async () => new PgVersionStore(database.pool),
});

/** PgSharingStore runs the SharingStore contract against a real PostgreSQL. */
import { PgSharingStore } from '../../../server/postgres/PgSharingStore';
import { sharingStoreContract } from '../sharing/sharingStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

sharingStoreContract('PgSharingStore', async () => {
  await database.truncate();
  return new PgSharingStore(database.pool);
});

/** The account self-service store additions (e-mail change, sessions, deleting a person, forgetting notifications) on PostgreSQL. */
import { PgAccountStore } from '../../../server/postgres/PgAccountStore';
import { PgNotificationStore } from '../../../server/postgres/PgNotificationStore';
import { freshDatabase } from '../../helpers/freshDatabase';
import { accountDeletionStoreContract, notificationForgetContract } from '../account/accountDeletionStoreContract';

const database = await freshDatabase();

accountDeletionStoreContract('PgAccountStore', async () => {
  await database.truncate();
  return new PgAccountStore(database.pool);
});
notificationForgetContract('PgNotificationStore', async () => {
  await database.truncate();
  return new PgNotificationStore(database.pool);
});

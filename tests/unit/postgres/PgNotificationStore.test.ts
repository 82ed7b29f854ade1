/** PgNotificationStore runs the NotificationStore contract against a real PostgreSQL (migration 0004). */
import { PgNotificationStore } from '../../../server/postgres/PgNotificationStore';
import { notificationStoreContract } from '../notifications/notificationStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

notificationStoreContract('PgNotificationStore', async () => {
  await database.truncate();
  return new PgNotificationStore(database.pool);
});

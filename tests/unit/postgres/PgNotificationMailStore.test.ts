/** PgNotificationMailStore runs the NotificationMailStore contract against a real PostgreSQL (migration 0007). */
import { PgNotificationMailStore } from '../../../server/postgres/PgNotificationMailStore';
import { notificationMailStoreContract } from '../notifications/notificationMailStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

notificationMailStoreContract('PgNotificationMailStore', async () => {
  await database.truncate();
  return new PgNotificationMailStore(database.pool);
});

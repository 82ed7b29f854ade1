/** PgApiKeyStore runs the ApiKeyStore contract against a real PostgreSQL. */
import { PgApiKeyStore } from '../../../server/postgres/PgApiKeyStore';
import { apiKeyStoreContract } from '../apiKeys/apiKeyStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

apiKeyStoreContract('PgApiKeyStore', async () => {
  await database.truncate();
  return new PgApiKeyStore(database.pool);
});

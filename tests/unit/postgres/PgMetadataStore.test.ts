/** PgMetadataStore runs the MetadataStore contract against a real PostgreSQL. */
import { PgMetadataStore } from '../../../server/postgres/PgMetadataStore';
import { metadataStoreContract } from '../storage/metadataStoreContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

metadataStoreContract('PgMetadataStore', async () => {
  await database.truncate();
  return new PgMetadataStore(database.pool);
});

/** PgSearchIndex runs the SearchIndex contract against a real PostgreSQL (migration 0012, the `danish` text search). */
import { PgSearchIndex } from '../../../server/search/PgSearchIndex';
import { searchIndexContract } from '../search/searchIndexContract';
import { freshDatabase } from '../../helpers/freshDatabase';

const database = await freshDatabase();

searchIndexContract('PgSearchIndex', async () => {
  await database.truncate();
  return new PgSearchIndex(database.pool);
});

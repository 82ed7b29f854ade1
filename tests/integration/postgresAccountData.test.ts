/**
 * The account self-service on PostgreSQL (every store in one real database, as with DATABASE_URL):
 * the same scenarios as in memory and on the embedded files (tests/unit/account/accountScenarios.ts).
 */
import { freshDatabase } from '../helpers/freshDatabase';
import { accountScenarios } from '../unit/account/accountScenarios';
import { accountWorld } from '../unit/account/accountWorld';

const database = await freshDatabase();

accountScenarios('PostgreSQL', async () => {
  await database.truncate();
  return accountWorld({ pool: database.pool });
});

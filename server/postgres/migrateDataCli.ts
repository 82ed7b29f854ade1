/**
 * `npm run migrate:data -- --from ./data --to "$DATABASE_URL"` (see migrateData.ts). Exit codes:
 * 0 copied and verified, 1 failed (nothing is changed in the data dir), 2 wrong arguments.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../lib/config';
import { migrateData } from './migrateData';

const USAGE = 'usage: npm run migrate:data -- --from <data dir> --to <postgres://… URL> (or DATABASE_URL in the environment)';

async function main(): Promise<void> {
  let from: string | undefined;
  let to: string | undefined;
  try {
    const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
    from = values.from;
    // Checked like the server checks it; the message never repeats the URL (it may hold a password).
    to = loadConfig({ DATABASE_URL: values.to ?? process.env.DATABASE_URL }).DATABASE_URL;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (!from || !to) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const report = await migrateData({
      dataDir: from,
      databaseUrl: to,
      migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
      log: (line) => console.log(line),
    });
    console.log(JSON.stringify(report));
    console.log('Copied and verified: every document (state vector and body), comment, person and grant matches the data dir.');
  } catch (error) {
    console.error(`Samskriv: the data was not migrated: ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();

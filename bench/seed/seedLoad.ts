/**
 * `npm run seed:load -- --people N --documents N --comments N [--data-dir DIR | --database-url URL]`:
 * fills a data dir or a PostgreSQL database with a realistic data set
 * to try Samskriv at size. Progress goes to stderr; the summary (one JSON object) to stdout.
 */
import { SEED_ADMIN_EMAIL, SEED_PASSWORD } from './generateLoad';
import { parseSeedCommand, runSeedCommand, SeedOptionError } from './seedCommand';
import { SeedTargetError } from './SeedStores';

async function main(): Promise<void> {
  try {
    const command = parseSeedCommand(process.argv.slice(2));
    const where = 'dataDir' in command.target ? command.target.dataDir : 'the database';
    process.stderr.write(
      `seed:load: ${command.people} people, ${command.documents} documents, ${command.comments} comments into ${where}\n`,
    );
    const summary = await runSeedCommand(command, (line) => process.stderr.write(`seed:load: ${line}\n`));
    process.stderr.write(
      `seed:load: done in ${summary.seconds} s. Sign in as ${SEED_ADMIN_EMAIL} (or any seeded e-mail) with the password ${SEED_PASSWORD}\n`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } catch (error) {
    if (error instanceof SeedOptionError || error instanceof SeedTargetError) {
      process.stderr.write(`seed:load: ${error.code}: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

await main();

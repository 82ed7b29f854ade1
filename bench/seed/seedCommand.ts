/**
 * The seed:load command: its options checked (a clear error otherwise), the target's stores opened,
 * a non-empty target refused unless `--append`, and the generator run through the stores.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../lib/config';
import { generateLoad } from './generateLoad';
import { openSeedStores, SeedTargetError, type SeedTargetOptions } from './SeedStores';
import { storeWriter } from './storeWriter';

const USAGE =
  'usage: npm run seed:load -- --people N --documents N --comments N [--data-dir DIR | --database-url URL] [--seed N] [--append]';

export class SeedOptionError extends Error {
  override readonly name = 'SeedOptionError';
  readonly code = 'invalid_option';
}

export interface SeedCommand {
  readonly target: SeedTargetOptions;
  readonly people: number;
  readonly documents: number;
  readonly comments: number;
  readonly seed: number;
  readonly append: boolean;
}

function count(name: string, value: string | undefined, max: number): number {
  if (value === undefined) throw new SeedOptionError(`--${name} is required. ${USAGE}`);
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new SeedOptionError(`--${name} must be a whole number from 0 to ${max}, not "${value}".`);
  return Number(value);
}

/** Checked as the server checks DATABASE_URL; the message never repeats the URL (it may hold a password). */
function databaseUrl(value: string): string {
  try {
    const url = loadConfig({ DATABASE_URL: value }).DATABASE_URL;
    if (url) return url;
  } catch (error) {
    throw new SeedOptionError(`--database-url: ${(error as Error).message.replace(/^Invalid configuration:\s*DATABASE_URL: /, '')}`);
  }
  throw new SeedOptionError('--database-url must not be empty.');
}

/** The command line as a checked command; throws SeedOptionError with a sentence. */
export function parseSeedCommand(args: readonly string[], env: Record<string, string | undefined> = process.env): SeedCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        people: { type: 'string' },
        documents: { type: 'string' },
        comments: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        seed: { type: 'string' },
        append: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new SeedOptionError(`${(error as Error).message}. ${USAGE}`);
  }
  if (values['data-dir'] !== undefined && values['database-url'] !== undefined)
    throw new SeedOptionError('Give either --data-dir or --database-url, not both.');
  const target: SeedTargetOptions =
    values['database-url'] !== undefined
      ? { databaseUrl: databaseUrl(values['database-url']) }
      : { dataDir: values['data-dir'] ?? env.DATA_DIR ?? './data' };
  const people = count('people', values.people, 10_000_000);
  const documents = count('documents', values.documents, 1_000_000);
  const comments = count('comments', values.comments, 10_000_000);
  if (comments > 0 && (documents === 0 || people === 0)) throw new SeedOptionError('Comments need at least one document and one person.');
  return {
    target,
    people,
    documents,
    comments,
    seed: values.seed === undefined ? 1 : count('seed', values.seed, 2 ** 31),
    append: values.append ?? false,
  };
}

export async function runSeedCommand(command: SeedCommand, progress: (line: string) => void = () => undefined) {
  const stores = await openSeedStores(command.target);
  const writer = storeWriter(stores);
  const held = await writer.holds();
  if (!command.append && (held.people > 0 || held.documents > 0)) {
    await stores.close();
    throw new SeedTargetError(
      'not_empty',
      `The target holds ${held.people} people and ${held.documents} documents already: seed an empty one, or add --append (with another --seed).`,
    );
  }
  return generateLoad(writer, {
    people: command.people,
    documents: command.documents,
    comments: command.comments,
    seed: command.seed,
    progress,
  });
}

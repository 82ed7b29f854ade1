/**
 * AUTH_SECRET from the environment, or else one generated once into the data dir (owner-only)
 * and reused. Several server nodes must share an explicit AUTH_SECRET: with a shared store
 * (DATABASE_URL) a missing one stops the start, as each node would otherwise generate its own and
 * reject the sessions and tokens the others sign.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../lib/config';
import type { Logger } from './logger';
import { DataDirError } from './storage/checkDataDir';

export const SECRET_FILE = 'auth-secret';

export async function resolveAuthSecret(
  fromEnv: string | undefined,
  dataDir: string,
  logger: Logger,
  options: { readonly sharedStore?: boolean } = {},
): Promise<string> {
  if (fromEnv) return fromEnv;
  if (options.sharedStore) {
    throw new ConfigError(
      "Samskriv did not start: AUTH_SECRET must be set when DATABASE_URL is set (every server node must sign and check sessions with the same secret; a secret generated per node would make the nodes reject each other's sign-ins).",
    );
  }
  const path = join(dataDir, SECRET_FILE);
  try {
    const secret = (await readFile(path, 'utf8')).trim();
    if (secret.length < 32) {
      throw new DataDirError(
        path,
        `Samskriv did not start: ${path} holds a secret shorter than 32 characters; delete it or set AUTH_SECRET.`,
      );
    }
    if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
    logger.info({ file: path }, 'using the AUTH_SECRET generated earlier in the data dir');
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  logger.warn(
    { file: path },
    'AUTH_SECRET is not set: generated one into the data dir (owner-only). Set AUTH_SECRET explicitly when several server nodes share the work.',
  );
  return secret;
}

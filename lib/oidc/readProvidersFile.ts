import { readFileSync } from 'node:fs';

/**
 * The environment with `OIDC_PROVIDERS_FILE` read into `OIDC_PROVIDERS` (a file keeps the client
 * secrets out of the process list and shell history). Throws a sentence when both are set or the
 * file cannot be read; the caller reports it as a configuration error.
 */
export function readProvidersFile(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const path = env.OIDC_PROVIDERS_FILE?.trim();
  if (!path) return env;
  if (env.OIDC_PROVIDERS?.trim()) throw new Error('OIDC_PROVIDERS_FILE: set either OIDC_PROVIDERS or OIDC_PROVIDERS_FILE, not both');
  try {
    return { ...env, OIDC_PROVIDERS: readFileSync(path, 'utf8') };
  } catch (error) {
    throw new Error(`OIDC_PROVIDERS_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

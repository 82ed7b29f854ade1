/**
 * The process entry: `npm start` (production) and `npm run dev`. Reads the configuration, starts
 * the one server, and shuts down gracefully on SIGTERM/SIGINT. Flags: --dev, --sync-only.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../lib/config';
import { createLogger } from './logger';
import { DataDirError } from './storage/checkDataDir';
import { startServer } from './startServer';

const dev = process.argv.includes('--dev');
const syncOnly = process.argv.includes('--sync-only');
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? 'development' : 'production';

// dist/server.js and server/main.ts both sit one level below the project root.
const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { dev });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // The signals are taken before "listening" is announced: a supervisor (or a test) that stops the
  // process as soon as it reads that line must get a clean shutdown, not the default kill. A signal
  // during start-up is kept and acted on once the server is up.
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  let requested: string | null = null;
  const shutdown = (signal: string) => {
    if (!running) {
      requested ??= signal;
      return;
    }
    const stopping = running;
    logger.info({ signal }, 'shutting down: closing sockets and flushing writes');
    const force = setTimeout(() => {
      logger.error({}, 'shutdown took more than 20 s; exiting');
      process.exit(1);
    }, 20_000).unref();
    stopping.close().then(
      () => {
        clearTimeout(force);
        logger.info({}, 'stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  try {
    running = await startServer({ config, projectDir, syncOnly, logger });
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'could not start');
    // A damaged store file: also one plain sentence on stderr, and an exit code of its own.
    if (error instanceof DataDirError) console.error(error.message);
    process.exit(error instanceof DataDirError ? 3 : 1);
  }
  if (requested !== null) shutdown(requested);
}

void main();

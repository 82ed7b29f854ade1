/**
 * Samskriv's real server (sync endpoint only: no Next.js), persisting every update durably in a
 * data dir given by the parent. Prints its port once listening.
 */
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../server/logger';
import { startServer } from '../../server/startServer';

const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false' });
const running = await startServer({ config, projectDir: process.cwd(), syncOnly: true, logger: createLogger(config.LOG_LEVEL) });
console.log(JSON.stringify({ ready: true, port: running.port }));
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});

// The tests' Redis: find redis-server, install Debian's redis-server package when it is missing and
// we can, or say what to install.
import { spawnSync } from 'node:child_process';
import { installDebianPackage } from './installDebianPackage.mjs';

function findRedisServer() {
  if (process.env.REDIS_SERVER) return process.env.REDIS_SERVER;
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

/** The path of redis-server; exits the process with a sentence when there is none. */
export function ensureRedis() {
  const found = findRedisServer();
  if (found) return found;
  if (installDebianPackage('redis-server', 'redis-server not found (the scale-out tests need it)')) {
    const installed = findRedisServer();
    if (installed) return installed;
  }
  console.error(
    'The scale-out tests need Redis: install Debian\'s "redis-server" package (apt-get install redis-server) or set REDIS_SERVER.',
  );
  process.exit(1);
}

// Installs one of Debian's packages for the test services when we can (root with apt-get), quietly
// and without questions; says what to install otherwise.
import { spawnSync } from 'node:child_process';

export function canInstallWithApt() {
  return process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** True when `apt-get install <name>` succeeded. Output goes to stderr, so a caller's stdout stays its own. */
export function installDebianPackage(name, why) {
  if (!canInstallWithApt()) return false;
  console.error(`Samskriv: ${why}; installing Debian's ${name} package…`);
  const options = { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const update = spawnSync('apt-get', ['update'], options);
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '--no-install-recommends', name], options).status === 0;
}

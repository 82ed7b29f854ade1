// The tests' PostgreSQL: find its binaries (initdb, postgres, pg_isready), install Debian's
// postgresql package when they are missing and we can, or say what to install.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { installDebianPackage } from './installDebianPackage.mjs';

const NEEDED = ['initdb', 'postgres', 'pg_isready'];

function findBinDir() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const configured = spawnSync('sh', ['-c', 'pg_config --bindir 2>/dev/null'], { encoding: 'utf8' });
  if (configured.status === 0 && configured.stdout.trim()) candidates.push(configured.stdout.trim());
  // Debian keeps the server binaries out of PATH, one directory per major version: newest first.
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join('/usr/lib/postgresql', version, 'bin')));
  }
  return candidates.find((dir) => NEEDED.every((name) => existsSync(join(dir, name)))) ?? null;
}

/** The directory holding initdb and postgres; exits the process with a sentence when there is none. */
export function ensurePostgres() {
  const found = findBinDir();
  if (found) return found;
  if (!process.env.PG_BIN && installDebianPackage('postgresql', 'PostgreSQL not found (the scale-out tests need it)')) {
    const installed = findBinDir();
    if (installed) return installed;
  }
  console.error(
    'The scale-out tests need PostgreSQL 15 or newer (initdb, postgres): install Debian\'s "postgresql" package ' +
      '(apt-get install postgresql) or set PG_BIN to the directory that holds initdb.',
  );
  process.exit(1);
}

// Whether the production build (.next + dist/server.js) is current for the sources, and building it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = [
  'app',
  'lib',
  'server',
  'public',
  'proxy.ts',
  'next.config.mjs',
  'package-lock.json',
  'tsconfig.json',
  'serwist.config.mjs',
];
const SKIP = new Set(['sw.js', 'sw.js.map', 'node_modules']);
export const STAMP = join('.next', 'samskriv-build-stamp');

function* files(path) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    yield [path, stat];
    return;
  }
  for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) yield* files(join(path, name));
}

/** A fingerprint of every source file (path, size, modification time). */
export function sourceFingerprint(root) {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const [path, stat] of files(join(root, source))) hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function buildIsCurrent(root) {
  const stamp = join(root, STAMP);
  return (
    existsSync(join(root, '.next', 'BUILD_ID')) &&
    existsSync(join(root, 'dist', 'server.js')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === sourceFingerprint(root)
  );
}

/** Runs `npm run build` (which writes the stamp); exits the process when it fails. */
export function buildOrExit(root, why) {
  console.log(`Samskriv: ${why}; building (next build + server bundle)…`);
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Samskriv: the build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

// Production build: Next.js (Turbopack), the service worker when configured, and the server bundle.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { STAMP, sourceFingerprint } from './lib/buildState.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const fingerprint = sourceFingerprint(root);
// Stale dev types of removed routes break `next build` (stack notes).
rmSync(join(root, '.next', 'dev'), { recursive: true, force: true });
rmSync(join(root, STAMP), { force: true });
run(bin('next'), ['build']);
if (existsSync(join(root, 'serwist.config.mjs'))) run(bin('serwist'), ['build', 'serwist.config.mjs']);

// Split: what the server imports on first need (the editor's schema, lib/editor/loadBodyTools.ts;
// the PostgreSQL stores; single sign-on) goes to dist/chunks/ and stays out of the start, since a
// single file would hoist those modules' package imports to its top.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'server', 'main.ts')],
  outdir: join(root, 'dist'),
  entryNames: 'server',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
writeFileSync(join(root, STAMP), fingerprint);
console.log('Samskriv: build complete (.next, dist/server.js).');

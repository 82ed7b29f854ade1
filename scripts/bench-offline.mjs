// `npm run bench:offline`: the offline figures (bench/offline.ts) need Chromium and a current
// production build (the service worker exists only there); this makes sure of both, then runs it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent, buildOrExit } from './lib/buildState.mjs';
import { ensureChromium } from './lib/ensureChromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = ensureChromium();
if (!buildIsCurrent(root)) buildOrExit(root, 'the offline benchmark runs against a production build');
const result = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'offline.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);

// `npm test`: the whole suite (unit, slow, integration, services, browser). Makes sure Chromium, a
// current production build, PostgreSQL and Redis exist first, runs Vitest, and ends with one line:
// "N passed, N failed[, N skipped]".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { buildIsCurrent, buildOrExit } from './lib/buildState.mjs';
import { ensureChromium } from './lib/ensureChromium.mjs';
import { ensurePostgres } from './lib/ensurePostgres.mjs';
import { ensureRedis } from './lib/ensureRedis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const projects = args.flatMap((arg, i) => (arg === '--project' ? [args[i + 1]] : arg.startsWith('--project=') ? [arg.slice(10)] : []));
const wantsBrowser = projects.length === 0 || projects.includes('e2e');
const wantsServices = projects.length === 0 || projects.includes('services');

// The services project's globalSetup (tests/setup/services.ts) starts them; installed here first, as Chromium is.
if (wantsServices) {
  ensurePostgres();
  ensureRedis();
}

if (wantsBrowser) {
  process.env.CHROMIUM_PATH = ensureChromium();
  if (!buildIsCurrent(root)) buildOrExit(root, 'browser tests run against a production build');
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
const result = spawnSync(
  join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? '' } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  // Failed tests, plus each file that failed without a failed test (it did not load, or a hook threw):
  // a failing test also fails its file and describe blocks, which must not count it three times.
  const silentFileFailures = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  failed = (json.numFailedTests ?? 0) + silentFileFailures;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
if (result.status !== 0 && failed === 0) failed = 1; // the runner itself failed (e.g. a file did not load)
const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync(join(root, 'test-results', 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(failed > 0 || result.status !== 0 ? 1 : 0);

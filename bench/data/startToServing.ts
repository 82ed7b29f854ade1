/**
 * Start to serving: the real server entry spawned on a data dir, sync-only (the HTTP routes need a
 * Next.js build), timed from spawn until /healthz answers 200, and its resident memory (VmRSS)
 * right then. The entry is server/main.ts through tsx (compiling at start costs seconds on a busy
 * machine: the run also times an empty data dir) or, with BENCH_DATA_SERVER=dist/server.js after
 * `npm run build`, the production bundle. BENCH_DATA_NODE_ARGS adds node flags (a CPU profile).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const SECRET = 'bench-data-secret-that-is-at-least-32-characters';

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

/** CPU time (user + system, every thread) the process has used so far: less swayed by a busy machine than the wall clock. */
function cpuMs(pid: number): number {
  // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export async function startToServing(
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ ms: number; rssMb: number; cpuMs: number }> {
  const started = performance.now();
  const entry = process.env.BENCH_DATA_SERVER ?? 'server/main.ts';
  const nodeArgs = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  // BENCH_DATA_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = process.env.BENCH_DATA_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, ...nodeArgs, '--sync-only'], {
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info', AUTH_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it served:\n${output}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        output += `${line}\n`;
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'Samskriv is listening' && entry.url) resolve(Number(new URL(entry.url).port));
        } catch {
          // not a log line
        }
      });
    });
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (response.status !== 200) throw new Error(`/healthz answered ${response.status}: ${await response.text()}`);
    const ms = performance.now() - started;
    return { ms, rssMb: rssMb(child.pid!), cpuMs: cpuMs(child.pid!) };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

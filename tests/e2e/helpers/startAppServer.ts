/**
 * Starts the production server (`node dist/server.js`, from `npm run build`) for browser tests:
 * a free port on 127.0.0.1, a fresh data dir, SEED_DEMO=false (unless asked), its own process
 * group (ended as a whole). Ready when it logs "Samskriv is listening" (after Next.js is
 * prepared) and /healthz answers 200. `halt()` and `resume()` stop and start the same server
 * (same port, data dir and secret), for tests of what people see while it is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface AppServer {
  readonly url: string;
  readonly secret: string;
  readonly dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** The one-time token of the first-admin link printed at start, if one was printed. */
  setupToken(): string | null;
  /** Ends the process group (SIGTERM, then SIGKILL after 15 s) and keeps the data dir. */
  halt(): Promise<void>;
  /** Starts it again on the same port with the same data dir and secret. */
  resume(): Promise<void>;
  /** Ends it and removes the data dir. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now: bind port 0, read it, let it go. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export async function startAppServer(
  options: {
    readyTimeoutMs?: number;
    seedDemo?: boolean;
    /** Extra environment; a function gets the server's URL (known only once the port is chosen). */
    env?: Readonly<Record<string, string>> | ((url: string) => Readonly<Record<string, string>>);
  } = {},
): Promise<AppServer> {
  const entry = join(PROJECT_DIR, 'dist', 'server.js');
  if (!existsSync(entry) || !existsSync(join(PROJECT_DIR, '.next', 'BUILD_ID'))) {
    throw new Error('Browser tests need a production build: run `npm run build` (npm test does it when needed).');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'samskriv-e2e-'));
  const secret = `e2e-secret-${Math.random().toString(36).slice(2)}-${'x'.repeat(32)}`;
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  async function halt(): Promise<void> {
    const running = child;
    child = null;
    if (!running?.pid || running.exitCode !== null || running.signalCode !== null) return;
    const pid = running.pid;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-pid, name);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    const killer = setTimeout(() => signal('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  }

  async function resume(): Promise<void> {
    const started = spawn(process.execPath, [entry], {
      cwd: PROJECT_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        AUTH_SECRET: secret,
        SEED_DEMO: options.seedDemo ? 'true' : 'false',
        LOG_LEVEL: 'info',
        // Most test files sign many people up from 127.0.0.1; the limit's own test sets a small one.
        SIGNUPS_PER_IP_PER_HOUR: '10000',
        ...(typeof options.env === 'function' ? options.env(url) : options.env),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = started;
    exited = new Promise<void>((resolveExit) => started.once('exit', () => resolveExit()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const processExited = exited;
    try {
      await new Promise<void>((resolveReady, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not start in time')), options.readyTimeoutMs ?? 60_000);
        void processExited.then(() =>
          reject(new Error(`the server exited with ${started.exitCode ?? started.signalCode} before it was ready`)),
        );
        createInterface({ input: started.stdout! }).on('line', (line) => {
          output += `${line}\n`;
          try {
            if ((JSON.parse(line) as { msg?: unknown }).msg === 'Samskriv is listening') {
              clearTimeout(timer);
              resolveReady();
            }
          } catch {
            // not a JSON log line
          }
        });
      });
      const health = await fetch(`${url}/healthz`);
      if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
    } catch (error) {
      await halt();
      throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
    }
  }

  async function stop(): Promise<void> {
    await halt();
    await rm(dataDir, { recursive: true, force: true });
  }

  try {
    await resume();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const setupToken = () => /\/opsaetning\?token=([A-Za-z0-9_-]{43})/.exec(output)?.[1] ?? null;
  return { url, secret, dataDir, output: () => output, setupToken, halt, resume, stop };
}

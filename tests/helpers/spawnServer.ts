/**
 * Starts the real server entry as its own process (detached process group, so no child outlives
 * the test), on port 0 and 127.0.0.1, and reads its JSON log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SpawnedServer {
  readonly port: number;
  readonly child: ChildProcess;
  /** Every log line so far, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** Raw stdout and stderr so far. */
  output(): string;
  /** Sends a signal to the whole process group and resolves with the exit code/signal. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnOptions {
  readonly env: Record<string, string>;
  /** Arguments after the entry; defaults to a sync-only server (no Next.js). */
  readonly args?: string[];
  /** The entry: the TypeScript source by default, or e.g. dist/server.js. */
  readonly entry?: string;
  readonly readyTimeoutMs?: number;
}

export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  const entry = options.entry ?? 'server/main.ts';
  const nodeArgs = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, [...nodeArgs, ...(options.args ?? ['--sync-only'])], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logs: Array<Record<string, unknown>> = [];
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), options.readyTimeoutMs ?? 30_000);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'Samskriv is listening' && typeof entry.url === 'string') {
          clearTimeout(timer);
          resolve(Number(new URL(entry.url).port));
        }
      } catch {
        // not a JSON line
      }
    });
  });
  return {
    port,
    child,
    logs,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      }
      return exited;
    },
  };
}

/**
 * Runs a test service (postgres, redis-server) under a tiny shell watchdog: the service stops and
 * its temp dir is removed when the watchdog's stdin closes, which happens when the test run calls
 * stop() AND when the test run dies in any way (its pipe ends are closed by the kernel), so no
 * service outlives the run. Readiness is an event: a line the service prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';

// stdin is kept on fd 3 (a background job's stdin is /dev/null in sh); when it ends, the service
// gets SIGINT (PostgreSQL: fast shutdown; Redis: shutdown); when the service ends, its dir goes.
const WATCHDOG = `
dir="$1"; shift
exec 3<&0
"$@" </dev/null &
service=$!
( cat <&3 >/dev/null; kill -INT "$service" 2>/dev/null ) &
wait "$service"
status=$?
rm -rf "$dir"
exit $status
`;

export interface WatchedProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Stops the service and waits until it and its dir are gone. */
  stop(): Promise<void>;
}

export interface WatchOptions {
  /** `runuser -u <user> --` first (PostgreSQL refuses to run as root). */
  readonly asUser?: string;
  /** Removed when the service ends. */
  readonly dir: string;
  readonly command: readonly string[];
  /** The line that says it is ready. */
  readonly ready: RegExp;
  readonly what: string;
}

export async function startWatched(options: WatchOptions): Promise<WatchedProcess> {
  const shell = ['sh', '-c', WATCHDOG, 'watchdog', options.dir, ...options.command];
  const argv = options.asUser ? ['runuser', '-u', options.asUser, '--', ...shell] : shell;
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`${options.what} exited with ${code} before it was ready:\n${output}`)));
  });
  // Keep draining, so a chatty service never blocks on a full pipe.
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let stopping: Promise<void> | undefined;
  return {
    child,
    output: () => output,
    stop: () =>
      (stopping ??= (async () => {
        child.stdin!.end();
        await exited;
        await rm(options.dir, { recursive: true, force: true });
      })()),
  };
}

/** A port nobody listens on right now on 127.0.0.1 (the caller retries if it is taken before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** One throwaway redis-server for a test run: 127.0.0.1, a free port, no persistence. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startWatched, type WatchedProcess } from './watchedProcess';

export interface TestRedis {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly process: WatchedProcess;
}

export async function startTestRedis(redisServer: string): Promise<TestRedis> {
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'samskriv-redis-'));
    const port = await freePort();
    try {
      const service = await startWatched({
        dir,
        what: 'redis-server',
        ready: /Ready to accept connections/,
        command: [redisServer, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      });
      return { url: `redis://127.0.0.1:${port}`, process: service };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * One throwaway PostgreSQL for a test run: initdb into a temp dir owned by the `postgres` user
 * (PostgreSQL refuses to run as root), listening on 127.0.0.1 on a free port, unix sockets in the
 * temp dir, fsync on (so durability means what it says), trust auth on loopback only.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startWatched, type WatchedProcess } from './watchedProcess';

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly process: WatchedProcess;
}

const USER = 'postgres';

function userIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startTestPostgres(binDir: string): Promise<TestPostgres> {
  const asRoot = process.getuid?.() === 0;
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'samskriv-pg-'));
    if (asRoot) {
      const { uid, gid } = userIds(USER);
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    const initdbArgs = ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'];
    const initdb = asRoot
      ? spawnSync('runuser', ['-u', USER, '--', join(binDir, 'initdb'), ...initdbArgs], { encoding: 'utf8' })
      : spawnSync(join(binDir, 'initdb'), initdbArgs, { encoding: 'utf8' });
    if (initdb.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`initdb failed:\n${initdb.stdout}${initdb.stderr}`);
    }
    const port = await freePort();
    try {
      const service = await startWatched({
        ...(asRoot ? { asUser: USER } : {}),
        dir,
        what: 'postgres',
        ready: /database system is ready to accept connections/,
        command: [
          join(binDir, 'postgres'),
          '-D',
          data,
          '-p',
          String(port),
          '-k',
          dir,
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'fsync=on',
          '-c',
          'max_connections=400',
          '-c',
          'shared_buffers=64MB',
        ],
      });
      return { url: `postgres://${USER}@127.0.0.1:${port}/postgres`, process: service };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      // The free port may have been taken between the check and the start: try another.
      if (attempt >= 3) throw error;
    }
  }
}

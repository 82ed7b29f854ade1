/**
 * One throwaway PostgreSQL for a test run: a fresh cluster (a copy of one initdb made once) in a
 * temp dir owned by the `postgres` user (PostgreSQL refuses to run as root), listening on 127.0.0.1 on a free port, unix sockets in the
 * temp dir, fsync on (so durability means what it says), trust auth on loopback only.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startWatched, type WatchedProcess } from './watchedProcess';

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly process: WatchedProcess;
}

const USER = 'postgres';
const INITDB_ARGS = ['-U', USER, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'];

function userIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function runAsOwner(asRoot: boolean, program: string, args: readonly string[]) {
  return asRoot
    ? spawnSync('runuser', ['-u', USER, '--', program, ...args], { encoding: 'utf8' })
    : spawnSync(program, args, { encoding: 'utf8' });
}

/**
 * An empty cluster (initdb) kept in the temp dir, one per PostgreSQL build and user, made once and
 * copied for each run: made under a temporary name and renamed, so concurrent runs never see half
 * of one. Nothing runs in it; each run's copy is its own.
 */
function templatePath(binDir: string, asRoot: boolean): string {
  const version = runAsOwner(asRoot, join(binDir, 'postgres'), ['--version']).stdout.trim();
  const key = createHash('sha256')
    .update(`${binDir}\n${version}\n${INITDB_ARGS.join(' ')}\n${process.getuid?.()}`)
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `samskriv-pg-template-${key}`);
}

function clusterTemplate(binDir: string, asRoot: boolean): string {
  const template = templatePath(binDir, asRoot);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = mkdtempSync(join(tmpdir(), 'samskriv-pg-building-'));
  try {
    if (asRoot) {
      const { uid, gid } = userIds(USER);
      chownSync(building, uid, gid);
    }
    const data = join(building, 'data');
    const initdb = runAsOwner(asRoot, join(binDir, 'initdb'), ['-D', data, ...INITDB_ARGS]);
    if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stdout}${initdb.stderr}`);
    try {
      renameSync(data, template);
    } catch (error) {
      // Another run made it meanwhile.
      if (!existsSync(join(template, 'PG_VERSION'))) throw error;
    }
    return template;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
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
    // A copy of a cluster made once per PostgreSQL version (initdb takes seconds, a copy does not).
    const copied = spawnSync('cp', ['-a', clusterTemplate(binDir, asRoot), data], { encoding: 'utf8' });
    if (copied.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`could not copy the PostgreSQL cluster template:\n${copied.stderr}`);
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
      // The free port may have been taken between the check and the start: try another. The
      // template may be damaged (it is written without fsync): the next attempt makes a new one.
      if (attempt >= 2) rmSync(templatePath(binDir, asRoot), { recursive: true, force: true });
      if (attempt >= 3) throw error;
    }
  }
}

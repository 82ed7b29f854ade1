/**
 * The real process over a data dir written by LowCommentStore (issue 11): the start imports
 * comments.json into DATA_DIR/comments and keeps the file as comments.json.imported-*; a damaged
 * comments.json stops the start with exit code 3 and a sentence naming it, the file untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCommentStore } from '../../server/comments/FileCommentStore';
import { LowCommentStore } from '../../server/comments/LowCommentStore';
import { sampleComment, sampleLogEntry } from '../unit/comments/commentStoreContract';
import { spawnServer } from '../helpers/spawnServer';

const SECRET = 'integration-secret-integration-secret-0123456789';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-comments-upgrade-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the server process upgrading comments.json', () => {
  it('imports comments.json on start, keeps it as .imported-*, and the comments are all there', async () => {
    const dataDir = tempDir();
    const low = new LowCommentStore(join(dataDir, 'comments.json'));
    await low.update('dok-1', () => ({ put: [sampleComment('c_1'), sampleComment('c_2')], result: null }));
    await low.update('dok-1', () => ({ log: [sampleLogEntry('m_1')], result: null }));
    await low.update('dok-2', () => ({ put: [sampleComment('c_3', { documentId: 'dok-2' })], result: null }));
    const before = { one: await low.read('dok-1'), two: await low.read('dok-2'), log: await low.moderationLog() };
    await low.close();
    const json = readFileSync(join(dataDir, 'comments.json'), 'utf8');

    const server = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: SECRET } });
    cleanups.push(() => server.stop('SIGKILL'));
    const health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    await server.stop();

    const names = readdirSync(dataDir);
    expect(names).toContain('comments');
    expect(names).not.toContain('comments.json');
    const kept = names.filter((name) => name.startsWith('comments.json.imported-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dataDir, kept[0]!), 'utf8')).toBe(json);
    const store = new FileCommentStore({ dataDir, groupCommitMs: 0 });
    expect({ one: await store.read('dok-1'), two: await store.read('dok-2'), log: await store.moderationLog() }).toEqual(before);
    await store.close();
  });

  it('refuses to start on a comments.json that is not JSON: exit code 3, a sentence naming the file, the file untouched', async () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'comments.json');
    writeFileSync(path, '{ "documents": ');
    const outcome = await spawnServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: SECRET } }).then(
      (server) => {
        cleanups.push(() => server.stop('SIGKILL'));
        return 'listening';
      },
      (error: unknown) => (error as Error).message,
    );
    expect(outcome).toMatch(/exited with 3 before it was ready/);
    expect(outcome).toContain('Samskriv did not start: cannot read');
    expect(outcome).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe('{ "documents": ');
    expect(readdirSync(dataDir)).not.toContain('comments');
  });
});

/**
 * What an embedded start loads: the server's modules, not the editor's schema (tiptap, ProseMirror,
 * y-tiptap: loaded on first need through lib/editor/loadBodyTools.ts) nor pg (only with DATABASE_URL)
 * nor openid-client (only with single sign-on). Each would cost start-up time for nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the start-up import graph', () => {
  it('leaves the editor schema, pg and openid-client out of an embedded start', { timeout: 60_000 }, async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', './tests/helpers/recordImports.mjs', '--import', 'tsx', '-e', "await import('./server/startServer.ts')"],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const imported = stdout
      .split('\n')
      .filter((line) => line.startsWith('imported '))
      .map((line) => line.slice('imported '.length));
    // The hook sees the graph: startServer itself, its stores and the sync server.
    expect(imported.some((url) => url.endsWith('/server/startServer.ts'))).toBe(true);
    expect(imported.some((url) => url.endsWith('/server/storage/RecordCollection.ts'))).toBe(true);
    const unwanted = imported.filter((url) =>
      /\/node_modules\/(@tiptap\/|prosemirror-|pg\/|openid-client\/)|\/lib\/editor\/bodyTools\.ts$/.test(url),
    );
    expect(unwanted).toEqual([]);
  });

  it('loads the editor tools on first need', { timeout: 60_000 }, async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "const { loadBodyTools } = await import('./lib/editor/loadBodyTools.ts'); const tools = await loadBodyTools(); console.log(tools === (await loadBodyTools()), typeof tools.encodeBody({ type: 'doc', content: [{ type: 'paragraph' }] }).byteLength)",
      ],
      {},
    );
    expect(stdout.trim()).toBe('true number');
  });
});

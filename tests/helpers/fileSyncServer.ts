/** A sync server over real files in a temporary data dir, restartable on the same dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import { LowMetadataStore } from '../../server/storage/LowMetadataStore';
import { startSyncServer, type StartSyncServerOptions, type TestSyncServer } from './startSyncServer';

/** A fresh directory, removed when the test ends. */
export function tempDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `samskriv-${prefix}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function startFileSyncServer(
  dir: string,
  options: Omit<StartSyncServerOptions, 'store' | 'metadata'> = {},
): Promise<TestSyncServer> {
  return startSyncServer({
    ...options,
    store: new FileDocumentStore({ dir: join(dir, 'docs'), groupCommitMs: 2 }),
    metadata: new LowMetadataStore(join(dir, 'meta.json')),
  });
}

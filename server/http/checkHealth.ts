/**
 * GET /healthz: 200 only when the data dir takes a durable write and the sync endpoint is up.
 *
 * Documents refused for damaged or unreadable files make the answer `degraded`, still 200: every
 * other document is served, a restart would not repair a file, and a 503 would make a load balancer
 * (or the browser's online check, app/_offline) take the whole server for down. They are listed
 * by id, problem and file name (no full paths: the endpoint is public) for the operator's monitor.
 */
import { open, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DocumentStorageError } from '../../lib/storage/DocumentStorageError';

export interface DamagedDocument {
  readonly id: string;
  readonly problem: DocumentStorageError['problem'];
  readonly file: string;
}

export interface Health {
  readonly ok: boolean;
  /** Some documents are refused (`damagedDocuments`); the rest are served. */
  readonly degraded: boolean;
  readonly checks: { readonly dataDir: boolean; readonly sync: boolean; readonly documents: boolean };
  readonly damagedDocuments: readonly DamagedDocument[];
}

let probes = 0;

export async function checkHealth(dataDir: string, syncUp: boolean, damaged: readonly DocumentStorageError[] = []): Promise<Health> {
  let dataDirOk = false;
  // One probe file per check: two checks at once on one name raced (one unlinked the other's file,
  // which then answered 503; seen in offline.test.ts (d), where the browser and the test both poll).
  const probe = join(dataDir, `.healthz-${process.pid}-${++probes}`);
  try {
    const handle = await open(probe, 'w');
    try {
      await handle.writeFile('ok');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await unlink(probe);
    dataDirOk = true;
  } catch {
    dataDirOk = false;
  }
  const damagedDocuments = damaged.map((error) => ({ id: error.documentId, problem: error.problem, file: basename(error.path) }));
  return {
    ok: dataDirOk && syncUp,
    degraded: damagedDocuments.length > 0,
    checks: { dataDir: dataDirOk, sync: syncUp, documents: damagedDocuments.length === 0 },
    damagedDocuments,
  };
}

/** GET /healthz: 200 only when the data dir takes a durable write and the sync endpoint is up. */
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface Health {
  readonly ok: boolean;
  readonly checks: { readonly dataDir: boolean; readonly sync: boolean };
}

export async function checkHealth(dataDir: string, syncUp: boolean): Promise<Health> {
  let dataDirOk = false;
  const probe = join(dataDir, `.healthz-${process.pid}`);
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
  return { ok: dataDirOk && syncUp, checks: { dataDir: dataDirOk, sync: syncUp } };
}

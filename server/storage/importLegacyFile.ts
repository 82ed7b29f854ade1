/**
 * Upgrade in place: a store that moved from a lowdb JSON file (people.json, access.json,
 * meta.json) into record collections imports the old file on its first start, then renames it to
 * `<name>.imported-<timestamp>` (kept, for an operator to delete once satisfied).
 *
 * Crash-safe without a marker: the import only puts records under their own keys (idempotent),
 * and the file is renamed only after every put is durable, so a crash mid-import leaves the file
 * in place and the next start imports it again over the partial copy, with no duplicates. Nothing
 * else writes to the new store before the import finished (the store waits for it).
 */
import { access, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SerialJsonFile } from './SerialJsonFile';
import { fileStamp, fsyncDirectory } from './fileLayout';

export interface LegacyFile<T> {
  readonly path: string;
  /** What the file holds, for error messages ("cannot read <what> from <path>: …"). */
  readonly what: string;
  readonly empty: () => T;
  /** Checks and upgrades the JSON read (throws a sentence naming the bad value). */
  readonly parse: (raw: unknown) => T;
}

/** Imports `file` with `store` when it exists; returns the name it was moved to, or null when there was none. */
export async function importLegacyFile<T>(file: LegacyFile<T>, store: (data: T) => Promise<void>): Promise<string | null> {
  try {
    await access(file.path);
  } catch {
    return null;
  }
  const json = new SerialJsonFile<T>(file.path, { what: file.what, empty: file.empty, parse: file.parse });
  const data = await json.view();
  await json.close();
  await store(data);
  const moved = `${file.path}.imported-${fileStamp()}`;
  await rename(file.path, moved);
  await fsyncDirectory(dirname(file.path));
  return moved;
}

/** Where FileCommentStore keeps its streams inside the data dir, and how they are written. */
import { join } from 'node:path';

/** The store's directory in the data dir. */
export const COMMENTS_DIR = 'comments';
/** LowCommentStore's file, imported on first start. */
export const COMMENTS_JSON = 'comments.json';
/** Where an import is built before it is renamed to COMMENTS_DIR (a leftover is an interrupted import). */
export const IMPORTING_DIR = 'comments.importing';
/** The catalogue's stream in the index directory. */
export const CATALOGUE_STREAM = 'catalogue';
/**
 * Zeros written ahead in a stream's log segment: comment records are small (a few hundred bytes)
 * and most documents get few, so a document's segment should not cost the 1 MiB a Yjs log may.
 */
export const COMMENT_SEGMENT_PREALLOCATION_BYTES = 16 * 1024;

export function commentStoreDirs(
  dataDir: string,
  name = COMMENTS_DIR,
): { readonly root: string; readonly docs: string; readonly index: string } {
  const root = join(dataDir, name);
  return { root, docs: join(root, 'docs'), index: join(root, 'index') };
}

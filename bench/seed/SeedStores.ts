/**
 * The stores a data set lives in, built as server/startServer.ts builds them: from a data dir
 * (today's embedded stores) or, later, from a PostgreSQL URL. Only the interfaces in lib are used
 * by the seeder and bench:data, so another backend is one more branch here.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CommentStore } from '../../lib/comments/CommentStore';
import type { AccountStore } from '../../lib/people/AccountStore';
import type { SharingStore } from '../../lib/sharing/SharingStore';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import type { MetadataStore } from '../../lib/storage/MetadataStore';
import { LowCommentStore } from '../../server/comments/LowCommentStore';
import { LowAccountStore } from '../../server/people/LowAccountStore';
import { LowSharingStore } from '../../server/sharing/LowSharingStore';
import { FileDocumentStore } from '../../server/storage/FileDocumentStore';
import { LowMetadataStore } from '../../server/storage/LowMetadataStore';

export interface SeedStores {
  readonly documents: DocumentStore;
  readonly metadata: MetadataStore;
  readonly comments: CommentStore;
  readonly accounts: AccountStore;
  readonly sharing: SharingStore;
  /**
   * Set when each write rewrites a whole store file (today's lowdb JSON stores): writing a large
   * data set act by act would take hours, so the seeder writes those files once (lowdbFileWriter).
   */
  readonly wholeFileWrites?: { readonly dataDir: string };
  close(): Promise<void>;
}

export type SeedTargetOptions = { readonly dataDir: string } | { readonly databaseUrl: string };

export class SeedTargetError extends Error {
  override readonly name = 'SeedTargetError';
  constructor(
    readonly code: 'postgres_not_in_build' | 'not_empty',
    message: string,
  ) {
    super(message);
  }
}

/** The embedded stores over a data dir, with the file names and (default) options startServer uses. */
export async function openEmbeddedStores(dataDir: string, options: { groupCommitMs?: number } = {}): Promise<SeedStores> {
  const dir = resolve(dataDir);
  await mkdir(join(dir, 'docs'), { recursive: true, mode: 0o700 });
  const documents = new FileDocumentStore({ dir: join(dir, 'docs'), groupCommitMs: options.groupCommitMs ?? 0 });
  const metadata = new LowMetadataStore(join(dir, 'meta.json'));
  const comments = new LowCommentStore(join(dir, 'comments.json'));
  const accounts = new LowAccountStore(join(dir, 'people.json'));
  const sharing = new LowSharingStore(join(dir, 'access.json'));
  return {
    documents,
    metadata,
    comments,
    accounts,
    sharing,
    wholeFileWrites: { dataDir: dir },
    async close() {
      await documents.close();
      await metadata.close();
      await comments.close();
      await accounts.close();
      await sharing.close();
    },
  };
}

export async function openSeedStores(target: SeedTargetOptions): Promise<SeedStores> {
  if ('dataDir' in target) return openEmbeddedStores(target.dataDir);
  // Wiring PostgreSQL is this one line once server/createStores.ts builds its stores from a URL.
  throw new SeedTargetError('postgres_not_in_build', 'PostgreSQL stores are not in this build yet: use --data-dir.');
}

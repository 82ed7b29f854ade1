/**
 * Makes the demo workspace "Fælles-skabet" a knowledge forum and writes its demo posts (issue 14),
 * once per data dir (a marker file), also where the demo documents were seeded before the forum
 * existed: the workspace becomes a forum in place. The posts are public and owned by nobody, like
 * the demo documents.
 */
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_AUTHOR, DEMO_POSTS, DEMO_WORKSPACE } from '../../lib/documents/demoDocuments';
import type { AccountStore } from '../../lib/people/AccountStore';
import type { ClosableDocumentService } from './createDocumentService';

const MARKER = '.demo-forum-seeded';

export async function seedDemoForum(dataDir: string, documents: ClosableDocumentService, accounts: AccountStore): Promise<number> {
  const marker = join(dataDir, MARKER);
  try {
    await access(marker);
    return 0;
  } catch {
    // Not seeded yet.
  }
  const workspace = await accounts.getWorkspace(DEMO_WORKSPACE.id);
  if (!workspace) await accounts.createWorkspace({ ...DEMO_WORKSPACE, createdAt: new Date().toISOString(), memberIds: [] });
  else if (workspace.kind !== 'forum') await accounts.updateWorkspace(DEMO_WORKSPACE.id, { kind: 'forum' });
  // Oldest first, so the front page (newest first) shows them in the order written here.
  for (const post of [...DEMO_POSTS].reverse()) {
    await documents.createWithContent(
      {
        title: post.title,
        template: 'blank',
        createdBy: DEMO_AUTHOR,
        workspaceId: DEMO_WORKSPACE.id,
        visibility: 'public',
        owner: false,
        post: { type: post.type, tags: post.tags },
      },
      post.content,
    );
  }
  await writeFile(marker, new Date().toISOString());
  return DEMO_POSTS.length;
}

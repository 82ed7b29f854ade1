/**
 * Creates the demo workspace "Fælles-skabet" and its documents once per data dir (a marker file
 * records that it happened). The documents are public (everyone reads them) and owned by nobody:
 * people co-author them once an admin or workspace manager grants them access. The policy draft
 * starts in public consultation: every signed-in person may comment on its passages.
 */
import { writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_AUTHOR, DEMO_DOCUMENTS, DEMO_WORKSPACE } from '../../lib/documents/demoDocuments';
import type { AccountStore } from '../../lib/people/AccountStore';
import type { ClosableDocumentService } from './createDocumentService';

const MARKER = '.demo-seeded';

export async function seedDemoDocuments(dataDir: string, documents: ClosableDocumentService, accounts: AccountStore): Promise<number> {
  const marker = join(dataDir, MARKER);
  try {
    await access(marker);
    return 0;
  } catch {
    // Not seeded yet.
  }
  if (!(await accounts.getWorkspace(DEMO_WORKSPACE.id))) {
    await accounts.createWorkspace({ ...DEMO_WORKSPACE, createdAt: new Date().toISOString(), memberIds: [] });
  }
  // Oldest first, so the list (newest first) shows them in the order written here.
  for (const demo of [...DEMO_DOCUMENTS].reverse()) {
    const meta = await documents.createWithContent(
      {
        title: demo.title,
        template: demo.template,
        createdBy: DEMO_AUTHOR,
        workspaceId: DEMO_WORKSPACE.id,
        visibility: 'public',
        owner: false,
      },
      demo.content,
    );
    if (demo.state) await documents.setState(meta.id, demo.state);
  }
  await writeFile(marker, new Date().toISOString());
  return DEMO_DOCUMENTS.length;
}

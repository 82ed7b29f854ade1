/** Creates the demo documents once per data dir (a marker file records that it happened). */
import { writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_AUTHOR, DEMO_DOCUMENTS } from '../../lib/documents/demoDocuments';
import type { ClosableDocumentService } from './createDocumentService';

const MARKER = '.demo-seeded';

export async function seedDemoDocuments(dataDir: string, documents: ClosableDocumentService): Promise<number> {
  const marker = join(dataDir, MARKER);
  try {
    await access(marker);
    return 0;
  } catch {
    // Not seeded yet.
  }
  // Oldest first, so the list (newest first) shows them in the order written here.
  for (const demo of [...DEMO_DOCUMENTS].reverse()) {
    await documents.createWithContent({ title: demo.title, template: demo.template, createdBy: DEMO_AUTHOR }, demo.content);
  }
  await writeFile(marker, new Date().toISOString());
  return DEMO_DOCUMENTS.length;
}

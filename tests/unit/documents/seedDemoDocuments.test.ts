import { describe, expect, it } from 'vitest';
import { can } from '../../../lib/access/can';
import { DEMO_DOCUMENTS, DEMO_WORKSPACE } from '../../../lib/documents/demoDocuments';
import { documentResourceOf } from '../../../lib/documents/DocumentService';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { seedDemoDocuments } from '../../../server/documents/seedDemoDocuments';
import { MemoryAccountStore } from '../../../server/people';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('seed');

describe('seedDemoDocuments', () => {
  it('puts public, unowned demo documents into the "Fælles-skabet" workspace, once', async () => {
    const dataDir = await tempDir();
    const documents = createDocumentService({ store: new MemoryDocumentStore(), metadata: new MemoryMetadataStore() });
    const accounts = new MemoryAccountStore();
    expect(await seedDemoDocuments(dataDir, documents, accounts)).toBe(DEMO_DOCUMENTS.length);
    expect(await seedDemoDocuments(dataDir, documents, accounts)).toBe(0);

    expect(await accounts.getWorkspace(DEMO_WORKSPACE.id)).toMatchObject({ name: 'Fælles-skabet' });
    const listed = await documents.list();
    expect(listed).toHaveLength(DEMO_DOCUMENTS.length);
    for (const meta of listed) {
      expect(meta).toMatchObject({ workspaceId: DEMO_WORKSPACE.id, visibility: 'public', grants: [] });
      // Everyone reads them; nobody edits them without a grant.
      const resource = documentResourceOf(meta);
      expect(can({ kind: 'anonymous' }, 'view', resource).allowed).toBe(true);
      const citizen = { kind: 'person', id: 'p_1', role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [] } as const;
      expect(can(citizen, 'edit', resource).allowed).toBe(false);
    }
    // The policy draft is in public consultation: a signed-in citizen may comment, a signed-out reader not.
    const policy = listed.find((meta) => meta.title.startsWith('Udkast: Politik'))!;
    expect(policy.state).toBe('consultation');
    const citizen = { kind: 'person', id: 'p_1', role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [] } as const;
    expect(can(citizen, 'comment', documentResourceOf(policy)).allowed).toBe(true);
    expect(can({ kind: 'anonymous' }, 'comment', documentResourceOf(policy)).allowed).toBe(false);
    expect(listed.find((meta) => meta.title.startsWith('Projektforslag'))!.state).toBe('draft');
    await documents.close();
  });
});

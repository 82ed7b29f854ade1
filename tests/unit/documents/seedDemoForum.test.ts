import { describe, expect, it } from 'vitest';
import { can } from '../../../lib/access/can';
import { DEMO_POSTS, DEMO_WORKSPACE } from '../../../lib/documents/demoDocuments';
import { documentResourceOf, isForumPost } from '../../../lib/documents/DocumentService';
import { createForumService } from '../../../lib/forum/ForumService';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { seedDemoDocuments } from '../../../server/documents/seedDemoDocuments';
import { seedDemoForum } from '../../../server/documents/seedDemoForum';
import { MemoryCommentStore } from '../../../server/comments/MemoryCommentStore';
import { MemoryAccountStore } from '../../../server/people';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('seed-forum');
const citizen = { kind: 'person', id: 'p_1', role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [] } as const;

describe('seedDemoForum', () => {
  it('makes an existing "Fælles-skabet" a forum in place and writes its posts once: an experience, a case and an article, with tags', async () => {
    const dataDir = await tempDir();
    const documents = createDocumentService({ store: new MemoryDocumentStore(), metadata: new MemoryMetadataStore() });
    const accounts = new MemoryAccountStore();
    // A data dir seeded before the forum existed: the workspace was a team's.
    await accounts.createWorkspace({ id: DEMO_WORKSPACE.id, name: 'Fælles-skabet', createdAt: new Date().toISOString(), memberIds: [] });
    await seedDemoDocuments(dataDir, documents, accounts);
    expect(await seedDemoForum(dataDir, documents, accounts)).toBe(DEMO_POSTS.length);
    expect(await seedDemoForum(dataDir, documents, accounts)).toBe(0);
    expect(await accounts.getWorkspace(DEMO_WORKSPACE.id)).toMatchObject({ kind: 'forum' });

    const posts = (await documents.list()).filter(isForumPost);
    expect(posts.map((post) => post.postType).sort()).toEqual(['artikel', 'case', 'erfaring']);
    for (const post of posts) {
      expect(post.tags!.length).toBeGreaterThan(0);
      expect(can({ kind: 'anonymous' }, 'view', documentResourceOf(post)).allowed).toBe(true);
      expect(can(citizen, 'comment', documentResourceOf(post))).toEqual({ allowed: true, reason: 'forum_reader' });
    }
    // The front page's lists: newest first as written in DEMO_POSTS, nothing popular yet.
    const forum = createForumService({
      documents,
      workspaces: { list: () => accounts.listWorkspaces() },
      comments: new MemoryCommentStore(),
    });
    expect((await forum.list(citizen, { sort: 'recent' })).posts.map((post) => post.title)).toEqual(DEMO_POSTS.map((post) => post.title));
    expect((await forum.list(citizen, { sort: 'popular' })).posts).toEqual([]);
    const supported = await forum.support(citizen, posts[0]!.id, true);
    expect(supported).toMatchObject({ supportCount: 1, supported: true, canSupport: true, canEditTags: false });
    expect((await forum.list(citizen, { sort: 'popular' })).posts.map((post) => post.id)).toEqual([posts[0]!.id]);
    await expect(forum.setTags(citizen, posts[0]!.id, { tags: ['x'] })).rejects.toMatchObject({ kind: 'forbidden' });
    await documents.close();
  });
});

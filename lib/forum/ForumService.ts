/**
 * The knowledge forum (issue 14): posts are documents in a forum workspace (kind 'forum') with a
 * post type, tags and supporters; replies are unanchored comment threads of kind 'forum_reply'
 * (the comment service). Every decision is can()'s: reading a post is `view`, replying and
 * supporting are `comment` on it, writing a post is `comment` on the forum workspace, changing
 * its tags is `edit`.
 */
import { can } from '../access/can';
import type { Actor, WorkspaceResource } from '../access/model';
import type { CommentStore } from '../comments/CommentStore';
import type { StoredComment } from '../comments/model';
import { documentResourceOf, isForumPost, type DocumentService } from '../documents/DocumentService';
import { workspaceKindOf, type Workspace } from '../people/AccountStore';
import type { DocumentMeta, PersonRef } from '../storage/MetadataStore';
import { ForumError } from './ForumError';
import { createPostSchema, listPostsSchema, postTagsSchema } from './forumSchemas';
import type { PostType } from './postTypes';
import { rankPosts, type ForumSort } from './rankPosts';

/** A post as lists show it. */
export interface PostSummary {
  readonly id: string;
  readonly title: string;
  readonly type: PostType;
  readonly tags: readonly string[];
  readonly workspaceId: string;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly supportCount: number;
  readonly replyCount: number;
  /** Whether the one asking supports it. */
  readonly supported: boolean;
}

/** A post as its own page shows it: the summary and what the reader may do. */
export interface PostDetail extends PostSummary {
  readonly canSupport: boolean;
  readonly canEditTags: boolean;
}

export interface ForumList {
  readonly sort: ForumSort;
  readonly tag: string | null;
  readonly posts: readonly PostSummary[];
}

export interface ForumServiceOptions {
  readonly documents: Pick<DocumentService, 'list' | 'get' | 'create' | 'setPostFields'>;
  readonly workspaces: { list(): Promise<Workspace[]> };
  readonly comments: Pick<CommentStore, 'read'>;
  readonly now?: () => Date;
}

export interface ForumService {
  /** The forum workspaces, by name. */
  forums(): Promise<Workspace[]>;
  /** Posts the actor may read, in the order asked (`sort`, `tag`, `limit`: listPostsSchema, untrusted). */
  list(actor: Actor, query: unknown): Promise<ForumList>;
  /** The post as the actor sees it; null when it is no post or the actor may not read it. */
  post(actor: Actor, documentId: string): Promise<PostDetail | null>;
  /** Writes a new post (createPostSchema, untrusted) in a forum; visible to everyone signed in. */
  create(actor: Actor, author: PersonRef, input: unknown): Promise<PostSummary>;
  /** Replaces a post's tags (postTagsSchema); needs `edit` on it. */
  setTags(actor: Actor, documentId: string, input: unknown): Promise<PostDetail>;
  /** Supports the post ("Synes godt om") or takes the support back; needs `comment` on it. */
  support(actor: Actor, documentId: string, on: boolean): Promise<PostDetail>;
}

const invalidFrom = (error: unknown): never => {
  const issues = (error as { issues?: readonly { message: string }[] }).issues;
  throw new ForumError('invalid', issues?.[0]?.message ?? 'invalid_input');
};

function parse<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown } },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (!result.success) return invalidFrom(result.error);
  return result.data;
}

/** Replies that count: visible, not deleted, in a forum_reply thread (the reply itself and the answers to it). */
export function countReplies(comments: readonly StoredComment[]): number {
  const threads = new Set(comments.filter((c) => c.parentId === null && c.kind === 'forum_reply').map((c) => c.id));
  return comments.filter((c) => threads.has(c.threadId) && c.deletedAt === undefined && c.moderation.state === 'visible').length;
}

export function createForumService(options: ForumServiceOptions): ForumService {
  const { documents, workspaces, comments } = options;
  const now = options.now ?? (() => new Date());
  /** Support changes of one post run one after another (read, then write the list). */
  const supporting = new Map<string, Promise<unknown>>();

  async function forums(): Promise<Workspace[]> {
    return (await workspaces.list()).filter((workspace) => workspaceKindOf(workspace) === 'forum');
  }

  const forumResource = (workspace: Workspace): WorkspaceResource => ({
    kind: 'workspace',
    id: workspace.id,
    memberIds: workspace.memberIds,
    forum: true,
  });

  const personId = (actor: Actor): string | null => (actor.kind === 'person' ? actor.id : null);

  async function summaryOf(actor: Actor, meta: DocumentMeta): Promise<PostSummary> {
    const supporters = meta.supporters ?? [];
    const me = personId(actor);
    return {
      id: meta.id,
      title: meta.title,
      type: meta.postType as PostType,
      tags: meta.tags ?? [],
      workspaceId: meta.workspaceId as string,
      author: meta.createdBy.name,
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt,
      supportCount: supporters.length,
      replyCount: countReplies((await comments.read(meta.id)).comments),
      supported: me !== null && supporters.includes(me),
    };
  }

  async function detailOf(actor: Actor, meta: DocumentMeta): Promise<PostDetail> {
    const resource = documentResourceOf(meta, now());
    return {
      ...(await summaryOf(actor, meta)),
      canSupport: actor.kind === 'person' && can(actor, 'comment', resource).allowed,
      canEditTags: can(actor, 'edit', resource).allowed,
    };
  }

  /** The post, if the actor may read it (a post they may not read is as unknown as a missing one). */
  async function readable(actor: Actor, documentId: string): Promise<DocumentMeta | null> {
    const meta = await documents.get(documentId);
    if (!meta || !isForumPost(meta)) return null;
    const ids = new Set((await forums()).map((forum) => forum.id));
    if (!ids.has(meta.workspaceId as string)) return null;
    return can(actor, 'view', documentResourceOf(meta, now())).allowed ? meta : null;
  }

  async function existing(actor: Actor, documentId: string): Promise<DocumentMeta> {
    const meta = await readable(actor, documentId);
    if (!meta) throw new ForumError('not_found', 'not_found', 'no such post');
    return meta;
  }

  return {
    forums,

    async list(actor, query) {
      const { sort, tag, limit } = parse(listPostsSchema, query);
      const ids = new Set((await forums()).map((forum) => forum.id));
      const at = now();
      const metas = (await documents.list()).filter(
        (meta) =>
          isForumPost(meta) &&
          ids.has(meta.workspaceId as string) &&
          (tag === undefined || (meta.tags ?? []).includes(tag)) &&
          can(actor, 'view', documentResourceOf(meta, at)).allowed,
      );
      const summaries = await Promise.all(metas.map((meta) => summaryOf(actor, meta)));
      return { sort, tag: tag ?? null, posts: rankPosts(summaries, sort).slice(0, limit) };
    },

    async post(actor, documentId) {
      const meta = await readable(actor, documentId);
      return meta ? detailOf(actor, meta) : null;
    },

    async create(actor, author, input) {
      const { title, type, tags, workspaceId } = parse(createPostSchema, input);
      const all = await forums();
      const forum = workspaceId === undefined ? all[0] : all.find((candidate) => candidate.id === workspaceId);
      if (!forum) throw new ForumError('not_found', 'forum_not_found', 'no such forum');
      const decision = can(actor, 'comment', forumResource(forum));
      if (!decision.allowed) throw new ForumError(actor.kind === 'person' ? 'forbidden' : 'unauthenticated', decision.reason);
      const meta = await documents.create({
        title,
        template: 'blank',
        createdBy: author,
        workspaceId: forum.id,
        // Everyone signed in reads a forum post (decideDocument: forum_reader); the author owns it.
        visibility: 'workspace',
        post: { type, tags },
      });
      return summaryOf(actor, meta);
    },

    async setTags(actor, documentId, input) {
      const meta = await existing(actor, documentId);
      const decision = can(actor, 'edit', documentResourceOf(meta, now()));
      if (!decision.allowed) throw new ForumError('forbidden', decision.reason);
      const { tags } = parse(postTagsSchema, input);
      const updated = await documents.setPostFields(documentId, { tags });
      if (!updated) throw new ForumError('not_found', 'not_found', 'no such post');
      return detailOf(actor, updated);
    },

    async support(actor, documentId, on) {
      const meta = await existing(actor, documentId);
      const decision = can(actor, 'comment', documentResourceOf(meta, now()));
      if (!decision.allowed || actor.kind !== 'person')
        throw new ForumError('forbidden', decision.allowed ? 'not_signed_in' : decision.reason);
      const work = async () => {
        const current = await documents.get(documentId);
        if (!current) throw new ForumError('not_found', 'not_found', 'no such post');
        const before = current.supporters ?? [];
        const has = before.includes(actor.id);
        if (has === on) return current;
        const supporters = on ? [...before, actor.id] : before.filter((id) => id !== actor.id);
        return (await documents.setPostFields(documentId, { supporters })) ?? current;
      };
      const next = (supporting.get(documentId) ?? Promise.resolve()).catch(() => undefined).then(work);
      supporting.set(documentId, next);
      try {
        return await detailOf(actor, await next);
      } finally {
        if (supporting.get(documentId) === next) supporting.delete(documentId);
      }
    },
  };
}

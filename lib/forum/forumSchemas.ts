/**
 * What the forum's HTTP API takes (issue 14): a new post (title, type, tags, maybe the forum) and a
 * post's tags. Error messages are codes (`error.<code>`). Browser-safe.
 */
import { z } from '../zodWithoutEval';
import { titleSchema } from '../documents/titleSchema';
import { MAX_TAGS, normaliseTags } from './postTags';
import { POST_TYPES } from './postTypes';
import { FORUM_SORTS } from './rankPosts';

/** Tags as sent (a list of strings), normalised; the first refusal's code is the answer. */
export const tagsSchema = z
  .array(z.string({ error: 'tags_invalid' }).max(200, 'tag_too_long'), { error: 'tags_invalid' })
  .max(MAX_TAGS * 4, 'too_many_tags')
  .transform((tags, context) => {
    const result = normaliseTags(tags);
    if (result.ok) return result.tags;
    context.addIssue({ code: 'custom', message: result.code });
    return z.NEVER;
  });

export const createPostSchema = z.object({
  title: titleSchema,
  type: z.enum(POST_TYPES, { error: 'post_type_invalid' }),
  tags: tagsSchema.default([]),
  // Which forum; absent: the first forum (there is usually one, "Fælles-skabet").
  workspaceId: z.string({ error: 'workspace_invalid' }).max(100, 'workspace_invalid').optional(),
});
export type CreatePostRequest = z.input<typeof createPostSchema>;

export const postTagsSchema = z.object({ tags: tagsSchema });

export const MAX_LIST_LIMIT = 50;
export const DEFAULT_LIST_LIMIT = 20;

/** The list's query string: `sort` (recent | popular), `tag`, `limit` (1–50). */
export const listPostsSchema = z.object({
  sort: z.enum(FORUM_SORTS, { error: 'forum_sort_invalid' }).default('recent'),
  tag: z
    .string()
    .max(100, 'tag_too_long')
    .optional()
    .transform((tag) => (tag === undefined || tag.trim() === '' ? undefined : tag.trim().toLocaleLowerCase('da'))),
  limit: z.coerce
    .number({ error: 'forum_limit_invalid' })
    .int('forum_limit_invalid')
    .min(1, 'forum_limit_invalid')
    .max(MAX_LIST_LIMIT, 'forum_limit_invalid')
    .default(DEFAULT_LIST_LIMIT),
});
export type ListPostsRequest = z.output<typeof listPostsSchema>;

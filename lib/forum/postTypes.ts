/**
 * What a forum post is (issue 14): an experience shared (erfaring), an article (artikel) or a case.
 * Labels in the catalogue (`forum.type.<type>`); the stored values never change. Browser-safe.
 */
export const POST_TYPES = ['erfaring', 'artikel', 'case'] as const;
export type PostType = (typeof POST_TYPES)[number];

export const isPostType = (value: unknown): value is PostType =>
  typeof value === 'string' && (POST_TYPES as readonly string[]).includes(value);

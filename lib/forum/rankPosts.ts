/**
 * The forum front page's orders (issue 14): recent (newest first) and popular (supports plus
 * replies, most first; ties by newest). Pure, so the page, the API and the tests agree.
 */
export interface RankablePost {
  readonly id: string;
  readonly createdAt: string;
  readonly supportCount: number;
  readonly replyCount: number;
}

export const FORUM_SORTS = ['recent', 'popular'] as const;
export type ForumSort = (typeof FORUM_SORTS)[number];

/** How popular a post is: one point per support ("Synes godt om") and per visible reply. */
export const popularityOf = (post: RankablePost): number => post.supportCount + post.replyCount;

const newestFirst = (a: RankablePost, b: RankablePost): number =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);

/** A new array in the order asked for; `popular` leaves out posts nobody has supported or answered yet. */
export function rankPosts<P extends RankablePost>(posts: readonly P[], sort: ForumSort): P[] {
  if (sort === 'recent') return [...posts].sort(newestFirst);
  return posts.filter((post) => popularityOf(post) > 0).sort((a, b) => popularityOf(b) - popularityOf(a) || newestFirst(a, b));
}

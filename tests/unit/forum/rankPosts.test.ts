import { describe, expect, it } from 'vitest';
import { popularityOf, rankPosts } from '../../../lib/forum/rankPosts';

const post = (id: string, createdAt: string, supportCount: number, replyCount: number) => ({ id, createdAt, supportCount, replyCount });

describe('rankPosts', () => {
  const posts = [
    post('old-popular', '2026-11-01T10:00:00.000Z', 3, 4),
    post('new-quiet', '2026-12-01T10:00:00.000Z', 0, 0),
    post('middle', '2026-11-15T10:00:00.000Z', 1, 1),
    post('tie-newer', '2026-11-20T10:00:00.000Z', 2, 0),
  ];

  it('counts one point per support and per reply', () => {
    expect(popularityOf(posts[0]!)).toBe(7);
  });

  it('orders recent by creation, newest first', () => {
    expect(rankPosts(posts, 'recent').map((p) => p.id)).toEqual(['new-quiet', 'tie-newer', 'middle', 'old-popular']);
  });

  it('orders popular by supports plus replies, ties by newest, leaving out posts with neither', () => {
    expect(rankPosts(posts, 'popular').map((p) => p.id)).toEqual(['old-popular', 'tie-newer', 'middle']);
  });

  it('returns a new array and leaves the input as it was', () => {
    const before = posts.map((p) => p.id);
    rankPosts(posts, 'recent');
    expect(posts.map((p) => p.id)).toEqual(before);
  });
});

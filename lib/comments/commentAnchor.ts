/**
 * A comment's place on its document page: the element of each comment (a thread's first comment or
 * a reply) has the id `kommentar-<comment id>`, so `/d/<document>#kommentar-<comment id>` opens the
 * page at that comment (the comments panel scrolls to it and focuses it once the list is there).
 * Browser-safe and pure.
 */
export const COMMENT_ANCHOR_PREFIX = 'kommentar-';

const COMMENT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The element id of a comment on the document page. */
export function commentAnchorId(commentId: string): string {
  return `${COMMENT_ANCHOR_PREFIX}${commentId}`;
}

/** The comment a location's hash (`#kommentar-<id>`, with or without the `#`) points to; null for anything else. */
export function commentIdOfHash(hash: string): string | null {
  const bare = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!bare.startsWith(COMMENT_ANCHOR_PREFIX)) return null;
  let id: string;
  try {
    id = decodeURIComponent(bare.slice(COMMENT_ANCHOR_PREFIX.length));
  } catch {
    return null;
  }
  return COMMENT_ID.test(id) ? id : null;
}

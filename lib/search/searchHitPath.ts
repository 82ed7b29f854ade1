import { commentAnchorId } from '../comments/commentAnchor';
import type { SearchHit } from './model';

/** Where a hit leads: `/d/<document>`, with `#kommentar-<comment>` for a comment. */
export function searchHitPath(hit: Pick<SearchHit, 'documentId' | 'commentId'>): string {
  const page = `/d/${encodeURIComponent(hit.documentId)}`;
  return hit.commentId === undefined ? page : `${page}#${encodeURIComponent(commentAnchorId(hit.commentId))}`;
}

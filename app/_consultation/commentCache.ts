/**
 * TEMPORARY: this device's copy of a document's comment list, until helper E's LocalCache lands
 * (then these two functions use it). For now nothing is kept.
 */
import type { CommentsResponse } from './commentViews';

export async function readCachedComments(_personKey: string | null, _documentId: string): Promise<CommentsResponse | null> {
  return null;
}

export async function writeCachedComments(_personKey: string | null, _documentId: string, _list: CommentsResponse): Promise<void> {}

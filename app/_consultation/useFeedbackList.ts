'use client';
/**
 * The document's comments for the feedback panel, kept current outside the editor
 * (useRevisionedList): fetched on mount, when the editor's socket says the comments changed
 * (commentChangeSignal), when the browser comes back online, and after the panel's own writes
 * (refresh).
 */
import { useCallback } from 'react';
import type { CommentsResponse } from './commentViews';
import { onCommentChange } from './commentChangeSignal';
import { commentsPath } from './useCommentList';
import { useRevisionedList } from './useRevisionedList';

export interface FeedbackList {
  readonly data: CommentsResponse | null;
  /** The last fetch failed: its error code; null when it worked. */
  readonly error: string | null;
  readonly refresh: () => void;
}

export function useFeedbackList(documentId: string): FeedbackList {
  const subscribe = useCallback((notice: (revision?: number) => void) => onCommentChange(documentId, notice), [documentId]);
  const { data, error, refresh } = useRevisionedList<CommentsResponse>(commentsPath(documentId), { subscribe });
  return { data, error, refresh };
}

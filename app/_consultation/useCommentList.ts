'use client';
/**
 * The document's comments, kept current (useRevisionedList): fetched on mount, on every "comments
 * changed" message from the sync socket, after each reconnect of the socket, and when the browser
 * comes back online. The last list is kept on this device, so comments stay readable offline.
 */
import { useCallback } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { CommentsResponse } from './commentViews';
import { listenForCommentChanges } from './listenForCommentChanges';
import { readCachedComments, writeCachedComments } from './commentCache';
import { useRevisionedList, type RevisionedList } from './useRevisionedList';

export type CommentList = RevisionedList<CommentsResponse>;

export function commentsPath(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/comments`;
}

export function useCommentList(documentId: string, personKey: string | null, provider: WebsocketProvider): CommentList {
  const subscribe = useCallback(
    (notice: (revision?: number) => void) => {
      const stopListening = listenForCommentChanges(provider, notice);
      // Every (re)connect may have missed changes while the socket was down.
      const onStatus = ({ status }: { status: string }) => {
        if (status === 'connected') notice();
      };
      provider.on('status', onStatus);
      return () => {
        stopListening();
        provider.off('status', onStatus);
      };
    },
    [provider],
  );
  return useRevisionedList<CommentsResponse>(commentsPath(documentId), {
    subscribe,
    readCache: () => readCachedComments(personKey, documentId),
    writeCache: (list) => void writeCachedComments(personKey, documentId, list),
    offlineIsError: true,
  });
}

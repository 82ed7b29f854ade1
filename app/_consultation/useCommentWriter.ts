'use client';
/**
 * Sends what a person writes about a document (comments, suggestions, replies, edits, deletes,
 * supports, reports). TEMPORARY: straight to the server until helper E's outbox lands; then
 * through the outbox, so writes made offline are sent when the connection is back.
 */
import { useCallback, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

export type CommentWriteKind = 'comment' | 'suggestion' | 'reply' | 'edit' | 'delete' | 'support' | 'report';

export interface CommentWrite {
  readonly kind: CommentWriteKind;
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly body?: Record<string, unknown>;
  /** What the write is, for the list of waiting writes ("Svar på “…”"). */
  readonly label: string;
  /** The person's own words (kept copyable if the server refuses them). */
  readonly text: string;
  /** The thread it belongs to (null for a new thread). */
  readonly threadId: string | null;
}

export interface PendingWrite extends CommentWrite {
  readonly id: string;
}

export interface CommentWriter {
  /** Resolves with an error message, or null once the write is sent (or queued). */
  readonly send: (write: CommentWrite) => Promise<string | null>;
  readonly pending: readonly PendingWrite[];
}

export function useCommentWriter(onSent: () => void): CommentWriter {
  const t = useT();
  const [pending, setPending] = useState<readonly PendingWrite[]>([]);
  const send = useCallback(
    async (write: CommentWrite) => {
      const id = crypto.randomUUID();
      const body =
        write.body && (write.kind === 'comment' || write.kind === 'suggestion' || write.kind === 'reply')
          ? { ...write.body, clientKey: id }
          : write.body;
      setPending((list) => [...list, { ...write, id }]);
      const result = await sendJson(write.method, write.url, body);
      setPending((list) => list.filter((item) => item.id !== id));
      if (!result.ok) return errorMessage(t, result.code);
      onSent();
      return null;
    },
    [t, onSent],
  );
  return { send, pending };
}

'use client';
/**
 * Sends what a person writes about a document (comments, suggestions, replies, edits, deletes,
 * supports, reports) through their outbox (lib/offline/Outbox), so a write made offline is kept on the
 * device and sent, in order and exactly once, when the connection is back; refusals stay in the
 * outbox panel with the person's text. Where no outbox can be opened (no IndexedDB), it is sent
 * straight away instead.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import type { OutboxEntry, OutboxKind } from '../../lib/offline/OutboxEntry';
import { sendJson } from '../_components/postJson';
import { useOutbox, useOutboxSnapshot } from '../_outbox/useOutbox';
import type { CommentList } from './useCommentList';

export type CommentWriteKind = Extract<OutboxKind, 'comment' | 'suggestion' | 'reply' | 'edit' | 'delete' | 'support' | 'report'>;

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

/** A write waiting in the outbox. */
export interface PendingWrite {
  readonly id: string;
  readonly kind: OutboxKind;
  readonly label: string;
  readonly text: string;
  readonly body: unknown;
  /** The comment the url names (a reply's thread, a supported or reported comment), null for a new thread. */
  readonly commentId: string | null;
}

export interface CommentWriter {
  /** Resolves with an error message, or null once the write is queued (or sent). */
  readonly send: (write: CommentWrite) => Promise<string | null>;
  /** This document's writes that wait to be sent, in order. */
  readonly pending: readonly PendingWrite[];
  /**
   * Supports (and withdrawals) already sent that the list on screen does not show yet: it came from
   * a load started before they reached the server. Shown as given until a newer list arrives, so a
   * support button does not flip back for a moment.
   */
  readonly unconfirmedSupports: readonly PendingWrite[];
}

const COMMENT_IN_URL = /\/comments\/([^/?#]+)/;

function toPending(entry: OutboxEntry): PendingWrite {
  const match = COMMENT_IN_URL.exec(entry.url);
  return {
    id: entry.id,
    kind: entry.kind,
    label: entry.label,
    text: entry.text,
    body: entry.body,
    commentId: match ? decodeURIComponent(match[1]!) : null,
  };
}

export function useCommentWriter(
  documentId: string,
  personKey: string | null,
  list: Pick<CommentList, 'refresh' | 'loadsStarted' | 'shownLoad'>,
): CommentWriter {
  const t = useT();
  const outbox = useOutbox(personKey);
  const { entries } = useOutboxSnapshot(outbox);
  const { refresh: onSent, loadsStarted, shownLoad } = list;
  /** Sent supports, each with the number of loads started when it was sent (one per click: a page's worth). */
  const [sentSupports, setSentSupports] = useState<ReadonlyArray<{ readonly write: PendingWrite; readonly after: number }>>([]);

  useEffect(() => {
    if (!outbox) return;
    return outbox.subscribeSent((entry) => {
      if (entry.documentId !== documentId) return;
      if (entry.kind === 'support') setSentSupports((sent) => [...sent, { write: toPending(entry), after: loadsStarted() }]);
      onSent();
    });
  }, [outbox, documentId, onSent, loadsStarted]);

  const send = useCallback(
    async (write: CommentWrite): Promise<string | null> => {
      if (!outbox) {
        const result = await sendJson(write.method, write.url, write.body);
        if (!result.ok) return errorMessage(t, result.code);
        onSent();
        return null;
      }
      try {
        await outbox.enqueue({
          documentId,
          kind: write.kind,
          method: write.method,
          url: write.url,
          // Plain JSON, as it will be sent: an anchor's Yjs positions are class instances (Y.ID) until serialised.
          ...(write.body !== undefined && { body: JSON.parse(JSON.stringify(write.body)) as unknown }),
          label: write.label,
          text: write.text,
        });
        return null;
      } catch (error) {
        console.error('The outbox refused to queue a write', error);
        return t('consultation.outboxFailed');
      }
    },
    [outbox, documentId, onSent, t],
  );

  const pending = useMemo(
    () => entries.filter((entry) => entry.documentId === documentId && entry.state === 'pending').map(toPending),
    [entries, documentId],
  );
  const unconfirmedSupports = useMemo(
    () => sentSupports.filter(({ after }) => shownLoad <= after).map(({ write }) => write),
    [sentSupports, shownLoad],
  );
  return { send, pending, unconfirmedSupports };
}

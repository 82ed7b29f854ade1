'use client';
/**
 * Other people's activity, told politely to screen readers (a visually hidden aria-live region):
 * "Anna Jensen skriver" when someone else's edits arrive, "Ny kommentar fra Bo" when the comment
 * list shows a comment by someone else, never flooding (lib/a11y/ActivityAnnouncer.ts throttles
 * and coalesces) and never the person's own activity (their own tabs included).
 */
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import {
  ActivityAnnouncer,
  describeAnnouncement,
  newCommentsByOthers,
  type Announcement,
  type ListedComment,
} from '../../lib/a11y/ActivityAnnouncer';
import { samePersonKey } from '../../lib/sync/presenceColour';
import { useLocale, useT } from '../../lib/i18n/useT';

/** The mounted region(s), fed by the comment list. */
const commentSinks = new Set<(authors: readonly string[]) => void>();

/** Who an awareness state belongs to: a key telling people apart, and their name. */
function personOf(state: unknown): { key: string; name: string } | null {
  const user = (state as { user?: { name?: unknown; color?: unknown; preferredColor?: unknown } } | null | undefined)?.user;
  if (!user || typeof user.name !== 'string' || user.name.trim() === '') return null;
  const preferred = typeof user.preferredColor === 'string' ? user.preferredColor : typeof user.color === 'string' ? user.color : '';
  return { key: samePersonKey(user.name, preferred), name: user.name.trim() };
}

/** The clients whose content an update brings (without applying it). */
function authorsOf(update: Uint8Array): number[] {
  try {
    return [...Y.parseUpdateMeta(update).to.keys()];
  } catch {
    return [];
  }
}

const KEEP = 3;

export function ActivityAnnouncements({ doc, provider }: { doc: Y.Doc; provider: WebsocketProvider }) {
  const t = useT();
  const locale = useLocale();
  const [messages, setMessages] = useState<readonly { readonly id: number; readonly said: readonly Announcement[] }[]>([]);

  useEffect(() => {
    const announcer = new ActivityAnnouncer({ now: Date.now });
    const awareness: Awareness = provider.awareness;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let counter = 0;
    const flush = () => {
      timer = undefined;
      const said = announcer.take();
      if (said.length > 0) {
        const id = ++counter;
        setMessages((shown) => [...shown.slice(-(KEEP - 1)), { id, said }]);
      }
      schedule();
    };
    const schedule = () => {
      if (timer !== undefined) return;
      const at = announcer.nextAt();
      if (at !== null) timer = setTimeout(flush, Math.max(0, at - Date.now()));
    };
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      // Only live edits from the server: not loading (the first sync, and a reconnect's catch-up,
      // arrive while `synced` is false), not this tab's own.
      if (origin !== provider || !provider.synced) return;
      const me = personOf(awareness.getLocalState());
      const states = awareness.getStates();
      for (const client of authorsOf(update)) {
        if (client === doc.clientID) continue;
        const person = personOf(states.get(client));
        if (!person || person.key === me?.key) continue;
        announcer.edited(person.key, person.name);
      }
      schedule();
    };
    const onComments = (authors: readonly string[]) => {
      announcer.commented(authors);
      schedule();
    };
    doc.on('update', onUpdate);
    commentSinks.add(onComments);
    return () => {
      doc.off('update', onUpdate);
      commentSinks.delete(onComments);
      clearTimeout(timer);
    };
  }, [doc, provider]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-relevant="additions" data-testid="activity-announcements">
      {messages.map((message) => (
        <p key={message.id}>{message.said.map((announcement) => describeAnnouncement(announcement, t, locale)).join('. ')}</p>
      ))}
    </div>
  );
}

/** Feeds the region from the comment list: comments by others that were not in the list shown before. */
export function useNewCommentAnnouncements(data: { readonly comments: readonly ListedComment[] } | null): void {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!data) return;
    const authors = newCommentsByOthers(seen.current, data.comments);
    seen.current = new Set(data.comments.map((comment) => comment.id));
    if (authors.length === 0) return;
    for (const sink of commentSinks) sink(authors);
  }, [data]);
}

'use client';
/**
 * A link to one comment (`/d/<document>#kommentar-<comment id>`, from a notification or an e-mail):
 * once the comments are listed and the body is synced (so the threads have found their passages and
 * will not move again), the comment's thread is shown (the filter goes back to "all" if it hid it)
 * and made active, and the comment is scrolled to and focused (its element has that id and
 * tabIndex -1; a screen reader reads it out). A link to a comment that is not in the list says so.
 * Heard again when the hash changes (a second link followed on the same page).
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { commentAnchorId, commentIdOfHash } from '../../lib/comments/commentAnchor';
import type { Thread } from './threadList';

export interface CommentLinkOptions {
  /** The comments are listed (null while loading). */
  readonly threads: readonly Thread[] | null;
  readonly provider: WebsocketProvider;
  /** Whether the thread has found its place in the body (the placements are computed). */
  readonly placed: (threadId: string) => boolean;
  /** Makes the thread visible and active. */
  readonly reveal: (thread: Thread) => void;
}

/** How many frames the comment may take to appear once its thread is revealed. */
const MAX_FRAMES = 60;
/** For how many frames the focus is kept on it (the thread may be rendered anew as the passages are placed). */
const KEEP_FRAMES = 120;

/** The comment id the location's hash names, if it is not found: the panel says so. */
export function useCommentLink({ threads, provider, placed, reveal }: CommentLinkOptions): { readonly missing: string | null } {
  const [target, setTarget] = useState<string | null>(null);
  // Read from the provider itself (it may have synced before this component subscribed).
  const subscribe = useCallback(
    (onChange: () => void) => {
      provider.on('sync', onChange);
      return () => provider.off('sync', onChange);
    },
    [provider],
  );
  const synced = useSyncExternalStore(
    subscribe,
    () => provider.synced,
    () => false,
  );
  // The latest reveal, without re-running the effect (and cancelling its frame) when it changes.
  const revealRef = useRef(reveal);
  useEffect(() => {
    revealRef.current = reveal;
  }, [reveal]);

  useEffect(() => {
    const read = () => setTarget(commentIdOfHash(window.location.hash));
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  const thread =
    target === null || threads === null
      ? undefined
      : threads.find((candidate) => candidate.root.id === target || candidate.replies.some((reply) => reply.id === target));
  // Wait until the passage is placed: a thread that moves (order, the orphaned group) would lose the focus.
  const ready = thread !== undefined && synced && (thread.root.anchor === null || placed(thread.root.id));
  const threadRef = useRef(thread);
  useEffect(() => {
    threadRef.current = thread;
  }, [thread]);

  // Once per link (the placements change every frame the body changes: they must not restart it).
  useEffect(() => {
    const found = threadRef.current;
    if (target === null || !ready || !found) return;
    revealRef.current(found);
    // After the render that shows it (a filter put back to "all" may take a frame or two). For a
    // while after, the focus is kept there: a thread that moves to its group once its passage is
    // found is rendered anew, which leaves the focus on the page's body (not where the person put it).
    let frame = 0;
    let frames = 0;
    let focused = false;
    const focus = () => {
      frames += 1;
      const element = document.getElementById(commentAnchorId(target));
      const active = document.activeElement;
      if (element && element !== active && (!focused || active === null || active === document.body)) {
        element.scrollIntoView({ block: 'center' });
        element.focus({ preventScroll: true });
        focused = true;
      }
      if (frames < (focused ? KEEP_FRAMES : MAX_FRAMES)) frame = requestAnimationFrame(focus);
      else if (focused) setTarget(null);
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [target, ready]);

  return { missing: target !== null && threads !== null && !thread ? target : null };
}

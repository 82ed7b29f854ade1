/**
 * From the API's flat comment list to what the panel shows: threads (a root with its replies),
 * filtered and sorted as the person chose, with orphaned threads (passage gone) kept apart.
 * Pure, so it is tested without a browser.
 */
import type { AnchorStatus } from '../../lib/comments/model';
import type { CommentView } from './commentViews';

export interface Thread {
  readonly root: CommentView;
  /** Oldest first. */
  readonly replies: readonly CommentView[];
}

export const THREAD_FILTERS = ['all', 'open', 'resolved', 'orphaned', 'suggestions'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

export const THREAD_SORTS = ['passage', 'newest', 'supported', 'organisation'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** Where a thread's passage is now: its status and a position in the body (for ordering). */
export interface Placement {
  readonly status: AnchorStatus;
  /** Any increasing position in the body (plain-text offset or ProseMirror position); -1 when orphaned. */
  readonly at: number;
}

const byCreated = (a: CommentView, b: CommentView) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Groups a flat list into threads; replies whose root is missing are dropped (never shown loose).
 * Feedback (about the whole document) is not a passage's thread: the feedback panel shows it.
 */
export function threadsOf(comments: readonly CommentView[]): Thread[] {
  const roots = comments.filter((comment) => comment.parentId === null && comment.kind !== 'feedback' && comment.kind !== 'forum_reply');
  const replies = new Map<string, CommentView[]>();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    const list = replies.get(comment.threadId) ?? [];
    list.push(comment);
    replies.set(comment.threadId, list);
  }
  return roots.map((root) => ({ root, replies: (replies.get(root.id) ?? []).sort(byCreated) }));
}

/** Closed: resolved by an editor, or a suggestion that was accepted or declined. */
export function isClosed(thread: Thread): boolean {
  return thread.root.resolved !== undefined || thread.root.decision !== undefined;
}

export function isOrphaned(thread: Thread, placements: ReadonlyMap<string, Placement>): boolean {
  return placements.get(thread.root.id)?.status === 'orphaned';
}

export function matchesFilter(thread: Thread, filter: ThreadFilter, placements: ReadonlyMap<string, Placement>): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'open':
      return !isClosed(thread);
    case 'resolved':
      return isClosed(thread);
    case 'orphaned':
      return isOrphaned(thread, placements);
    case 'suggestions':
      return thread.root.kind === 'suggestion';
  }
}

const position = (thread: Thread, placements: ReadonlyMap<string, Placement>) => {
  const placement = placements.get(thread.root.id);
  // Not resolved yet (the body is still loading): after the placed ones, in creation order.
  return placement && placement.status !== 'orphaned' ? placement.at : Number.MAX_SAFE_INTEGER;
};

export function compareThreads(sort: ThreadSort, placements: ReadonlyMap<string, Placement>, collator: Intl.Collator) {
  const byPassage = (a: Thread, b: Thread) => position(a, placements) - position(b, placements) || byCreated(a.root, b.root);
  switch (sort) {
    case 'passage':
      return byPassage;
    case 'newest':
      return (a: Thread, b: Thread) => byCreated(b.root, a.root);
    case 'supported':
      return (a: Thread, b: Thread) => b.root.supportCount - a.root.supportCount || byPassage(a, b);
    case 'organisation':
      return (a: Thread, b: Thread) => {
        const left = a.root.author?.organisation?.name;
        const right = b.root.author?.organisation?.name;
        // Threads written for an organisation first, alphabetically; then everyone else.
        if (left && right) return collator.compare(left, right) || byPassage(a, b);
        if (left) return -1;
        if (right) return 1;
        return byPassage(a, b);
      };
  }
}

export interface ThreadGroups {
  /** Threads whose passage is still in the body. */
  readonly placed: readonly Thread[];
  /** Threads whose passage is gone ("Passagen findes ikke længere"). */
  readonly orphaned: readonly Thread[];
}

export function arrangeThreads(
  threads: readonly Thread[],
  filter: ThreadFilter,
  sort: ThreadSort,
  placements: ReadonlyMap<string, Placement>,
  collator: Intl.Collator,
): ThreadGroups {
  const shown = threads.filter((thread) => matchesFilter(thread, filter, placements)).sort(compareThreads(sort, placements, collator));
  return {
    placed: shown.filter((thread) => !isOrphaned(thread, placements)),
    orphaned: shown.filter((thread) => isOrphaned(thread, placements)),
  };
}

'use client';
/**
 * Where each thread's passage is in the editor now, recomputed when the list or the body
 * changes (once per animation frame at most), and the highlights that follow from it: every open
 * thread's passage, plus the active thread's (emphasised) even when it is closed, and the passage
 * of a comment being written.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { Anchor } from '../../lib/comments/model';
import type * as Y from 'yjs';
import { placeAnchors, type Placed } from './anchoring';
import { setCommentHighlights, type HighlightRange } from './CommentHighlights';
import { isClosed, type Thread } from './threadList';

/** The highlight id of the passage a new comment is being written about. */
export const DRAFT_ID = 'draft';

export function usePlacements(
  editor: Editor | null,
  doc: Y.Doc,
  threads: readonly Thread[],
  activeId: string | null,
  /** The passage of a comment being written: emphasised while the form is open. */
  draft: Anchor | null = null,
): ReadonlyMap<string, Placed> {
  const [placements, setPlacements] = useState<ReadonlyMap<string, Placed>>(() => new Map());

  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    const compute = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const next = new Map<string, Placed>();
      const ranges: HighlightRange[] = [];
      const anchored = threads.filter((thread) => thread.root.anchor !== null);
      const places = placeAnchors(editor, [...anchored.map((thread) => thread.root.anchor!), ...(draft ? [draft] : [])]);
      const drafted = draft ? places[anchored.length] : null;
      if (drafted && drafted.status !== 'orphaned') {
        ranges.push({ threadId: DRAFT_ID, from: drafted.from, to: drafted.to, kind: 'comment', active: true });
      }
      anchored.forEach((thread, index) => {
        const { root } = thread;
        const placed = places[index];
        if (!placed) return;
        next.set(root.id, placed);
        const active = root.id === activeId;
        if (placed.status !== 'orphaned' && (active || !isClosed(thread)) && root.state !== 'deleted') {
          ranges.push({
            threadId: root.id,
            from: placed.from,
            to: placed.to,
            kind: root.kind === 'suggestion' ? 'suggestion' : 'comment',
            active,
          });
        }
      });
      setPlacements(next);
      setCommentHighlights(editor, ranges);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(compute);
    };
    compute();
    // After the binding has applied an update to the editor (transactions), not on the raw Y.Doc event.
    editor.on('update', schedule);
    doc.on('afterTransaction', schedule);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('update', schedule);
      doc.off('afterTransaction', schedule);
    };
  }, [editor, doc, threads, activeId, draft]);

  return placements;
}

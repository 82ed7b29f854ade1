'use client';
import type { Editor } from '@tiptap/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useT } from '../../lib/i18n/useT';
import type { CommentBridge } from './CommentBridge';
import { COMMENT_SHORTCUT_LABEL } from './CommentShortcut';

interface Spot {
  readonly top: number;
  readonly left: number;
}

/**
 * The "Kommentér" button that appears under a selection in the text (for mouse and touch; the
 * toolbar button and Ctrl+Alt+M do the same from the keyboard). Positioned inside the editor
 * surface, which is its offset parent.
 */
export function SelectionCommentButton({ editor, bridge }: { editor: Editor; bridge: CommentBridge }) {
  const t = useT();
  const canComment = useSyncExternalStore(bridge.subscribe, bridge.getCanComment, () => false);
  const [spot, setSpot] = useState<Spot | null>(null);

  useEffect(() => {
    const update = () => {
      if (editor.isDestroyed) return;
      const { from, to, empty } = editor.state.selection;
      const surface = (editor.view.dom as HTMLElement).closest<HTMLElement>('.editor-surface');
      if (empty || !surface || editor.state.doc.textBetween(from, to, ' ').trim() === '') return setSpot(null);
      const end = editor.view.coordsAtPos(to);
      const box = surface.getBoundingClientRect();
      setSpot({ top: end.bottom - box.top + 6, left: Math.max(8, Math.min(end.left - box.left, box.width - 140)) });
    };
    editor.on('selectionUpdate', update);
    editor.on('update', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('update', update);
    };
  }, [editor]);

  if (!canComment || !spot) return null;
  return (
    <button
      type="button"
      className="button button--small selection-comment"
      style={{ top: spot.top, left: spot.left }}
      title={`${t('consultation.toolbar.comment')} (${COMMENT_SHORTCUT_LABEL})`}
      // Keep the selection: a mouse press on the button must not move it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={bridge.requestComment}
      tabIndex={-1}
    >
      {t('consultation.toolbar.comment')}
    </button>
  );
}

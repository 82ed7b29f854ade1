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
 * The "Kommentér" button that appears under a passage selected with the mouse or a finger. The
 * keyboard has the toolbar button and Ctrl+Alt+M instead, so the button shows only after a
 * pointer selection and goes away at the next key press or when the selection is gone: it never
 * sits on top of text someone is writing. Positioned inside the editor surface (its offset parent).
 */
export function SelectionCommentButton({ editor, bridge }: { editor: Editor; bridge: CommentBridge }) {
  const t = useT();
  const canComment = useSyncExternalStore(bridge.subscribe, bridge.getCanComment, () => false);
  const [spot, setSpot] = useState<Spot | null>(null);

  useEffect(() => {
    const dom = editor.view.dom as HTMLElement;
    let frame = 0;
    const place = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const { from, to, empty } = editor.state.selection;
      const surface = dom.closest<HTMLElement>('.editor-surface');
      if (empty || !surface || editor.state.doc.textBetween(from, to, ' ').trim() === '') return setSpot(null);
      const end = editor.view.coordsAtPos(to);
      const box = surface.getBoundingClientRect();
      setSpot({ top: end.bottom - box.top + 6, left: Math.max(8, Math.min(end.left - box.left, box.width - 140)) });
    };
    // After the browser has settled the selection the pointer made (ProseMirror reads it on selectionchange).
    const afterPointer = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTimeout(place, 0));
    };
    const hide = () => setSpot(null);
    const onSelection = () => {
      if (editor.state.selection.empty) hide();
    };
    dom.addEventListener('mouseup', afterPointer);
    dom.addEventListener('touchend', afterPointer);
    dom.addEventListener('keydown', hide);
    editor.on('selectionUpdate', onSelection);
    editor.on('update', hide);
    return () => {
      cancelAnimationFrame(frame);
      dom.removeEventListener('mouseup', afterPointer);
      dom.removeEventListener('touchend', afterPointer);
      dom.removeEventListener('keydown', hide);
      editor.off('selectionUpdate', onSelection);
      editor.off('update', hide);
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
      onClick={() => {
        setSpot(null);
        bridge.requestComment();
      }}
      tabIndex={-1}
    >
      {t('consultation.toolbar.comment')}
    </button>
  );
}

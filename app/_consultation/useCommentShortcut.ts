'use client';
import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import type { CommentBridge } from './CommentBridge';
import { isCommentShortcut } from './CommentShortcut';

/**
 * Ctrl+Alt+M starts a comment on the selection. Listened for on the window: a read-only editor
 * never has keyboard focus of its own, so its keymap would never see the keys.
 */
export function useCommentShortcut(editor: Editor | null, bridge: CommentBridge): void {
  useEffect(() => {
    if (!editor) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event) || editor.isDestroyed || !bridge.getCanComment()) return;
      const dom = editor.view.dom;
      const selection = window.getSelection();
      const inEditor =
        dom.contains(document.activeElement) || (selection !== null && selection.anchorNode !== null && dom.contains(selection.anchorNode));
      if (!inEditor) return;
      event.preventDefault();
      bridge.requestComment();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, bridge]);
}

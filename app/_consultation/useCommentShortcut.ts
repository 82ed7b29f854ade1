'use client';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
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
      takeSelectionFromDom(editor);
      bridge.requestComment();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, bridge]);
}

/**
 * The editor learns of a selection made with the keyboard (Shift+Home) from the browser's
 * `selectionchange`, which a busy machine can deliver after the shortcut's keydown: the comment would
 * then see no selection ("Markér en passage først"). So the shortcut takes what the page shows as
 * selected, when it lies within the editor, as the editor's selection first.
 */
function takeSelectionFromDom(editor: Editor): void {
  const selection = window.getSelection();
  const dom = editor.view.dom;
  // Only where the editor missed a selection: its own (a table's cells, say) is never replaced.
  if (!editor.state.selection.empty || !selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return;
  if (!dom.contains(selection.anchorNode) || !dom.contains(selection.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    head = editor.view.posAtDOM(selection.focusNode, selection.focusOffset);
  } catch {
    return; // Not a position in the document (a widget, a decoration): keep the editor's own selection.
  }
  if (anchor === head) return;
  const size = editor.state.doc.content.size;
  if (anchor < 0 || head < 0 || anchor > size || head > size) return;
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, anchor, head)));
}

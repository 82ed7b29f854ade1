/** The keyboard shortcut that starts a comment on the selection. */
export const COMMENT_SHORTCUT_LABEL = 'Ctrl+Alt+M';

/**
 * Ctrl+Alt+M (Cmd+Option+M on a Mac). With Ctrl, checked by `key` and `code` together: on
 * layouts where AltGr is Ctrl+Alt, AltGr+M types a character ("µ") and must not start a comment.
 */
export function isCommentShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.shiftKey || event.code !== 'KeyM') return false;
  // With Cmd (a Mac) the Option key changes `key` to "µ" but types nothing: the code decides.
  return event.metaKey || event.key.toLowerCase() === 'm';
}

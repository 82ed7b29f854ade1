'use client';
import { useSyncExternalStore } from 'react';
import { useT } from '../../lib/i18n/useT';
import type { CommentBridge } from './CommentBridge';
import { COMMENT_SHORTCUT_LABEL } from './CommentShortcut';

/**
 * For people who may comment but not edit: a toolbar with the one thing they can do to the
 * text (the formatting toolbar carries the same button for editors).
 */
export function CommentToolbar({ bridge }: { bridge: CommentBridge }) {
  const t = useT();
  const canComment = useSyncExternalStore(bridge.subscribe, bridge.getCanComment, () => false);
  if (!canComment) return null;
  const label = t('consultation.toolbar.comment');
  return (
    <div className="toolbar" role="toolbar" aria-label={t('consultation.toolbar.label')}>
      <button
        type="button"
        className="tool tool--text"
        title={`${label} (${COMMENT_SHORTCUT_LABEL})`}
        aria-keyshortcuts="Control+Alt+M"
        onMouseDown={(event) => event.preventDefault() /* keep the selection */}
        onClick={bridge.requestComment}
      >
        {label}
      </button>
    </div>
  );
}

'use client';
import { useState } from 'react';
import { displayPersonName } from '../../lib/account/displayPersonName';
import { commentAnchorId } from '../../lib/comments/commentAnchor';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { CommentByline } from './CommentByline';
import { CommentText } from './CommentText';
import type { CommentView } from './commentViews';
import { newClientKey } from './FeedbackForm';
import { COMMENT_TEXT_MAX_LENGTH } from './limits';
import { TextForm } from './TextForm';
import { commentsPath } from './useCommentList';
import styles from './FeedbackPanel.module.css';

export interface FeedbackItemProps {
  readonly documentId: string;
  readonly item: CommentView;
  /** Its visible replies, oldest first. */
  readonly replies: readonly CommentView[];
  /** can(comment): support and reply. */
  readonly canComment: boolean;
  /** After a write: fetch the list again. */
  readonly onChanged: () => void;
  /** The support button's name: feedback's by default; a forum post's reply names itself (issue 14). */
  readonly supportLabelKey?: 'feedback.item.supportLabel' | 'forum.reply.supportLabel';
}

/** One piece of feedback: who and when, the text, the authors' answer, supports and replies. */
export function FeedbackItem({
  documentId,
  item,
  replies,
  canComment,
  onChanged,
  supportLabelKey = 'feedback.item.supportLabel',
}: FeedbackItemProps) {
  const t = useT();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `${commentsPath(documentId)}/${encodeURIComponent(item.id)}`;
  const author = item.author ? displayPersonName(t, item.author.name) : '';

  async function toggleSupport() {
    setBusy(true);
    const result = await sendJson('PUT', `${path}/support`, { supported: !item.supportedByMe });
    setBusy(false);
    setError(result.ok ? null : errorMessage(t, result.code));
    if (result.ok) onChanged();
  }

  async function reply(text: string): Promise<string | null> {
    const result = await sendJson('POST', `${path}/replies`, { text, clientKey: newClientKey() });
    if (!result.ok) return errorMessage(t, result.code);
    setReplying(false);
    onChanged();
    return null;
  }

  return (
    <article className={styles.item} id={commentAnchorId(item.id)} tabIndex={-1} data-testid="feedback-item">
      <CommentByline comment={item} />
      <CommentText text={item.text} />
      {item.answer && (
        <div className="thread__answer">
          <p>
            <strong>{t('feedback.item.answer', { status: t(`consultation.answerStatus.${item.answer.status}`) })}</strong>
          </p>
          <CommentText text={item.answer.text} />
        </div>
      )}
      <div className={styles.actions}>
        <span className="hint" data-testid="feedback-supports">
          {t('feedback.item.supports', { n: item.supportCount })}
        </span>
        {canComment && !item.mine && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={item.supportedByMe}
            aria-label={t(supportLabelKey, { author })}
            disabled={busy}
            onClick={() => void toggleSupport()}
          >
            {item.supportedByMe ? t('feedback.item.supported') : t('feedback.item.support')}
          </button>
        )}
        {canComment && !replying && (
          <button type="button" className="button button--secondary button--small" onClick={() => setReplying(true)}>
            {t('feedback.item.reply')}
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {replies.length > 0 && (
        <>
          <p className="hint">{t('feedback.item.replies', { n: replies.length })}</p>
          <ul className={styles.replies}>
            {replies.map((entry) => (
              <li key={entry.id} id={commentAnchorId(entry.id)} tabIndex={-1}>
                <CommentByline comment={entry} />
                <CommentText text={entry.text} />
              </li>
            ))}
          </ul>
        </>
      )}
      {replying && (
        <TextForm
          label={t('feedback.item.replyLabel', { author })}
          submitLabel={t('feedback.item.replySend')}
          requiredMessage={t('feedback.form.textRequired')}
          maxLength={COMMENT_TEXT_MAX_LENGTH}
          onSubmit={reply}
          onCancel={() => setReplying(false)}
        />
      )}
    </article>
  );
}

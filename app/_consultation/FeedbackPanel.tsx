'use client';
import { useId, useMemo } from 'react';
import { offersFeedback } from '../../lib/comments/feedbackOffered';
import { summariseFeedback, type FeedbackSummary } from '../../lib/comments/feedbackSummary';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import type { CommentView } from './commentViews';
import { excerpt } from './excerpt';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackItem } from './FeedbackItem';
import { useFeedbackList } from './useFeedbackList';
import styles from './FeedbackPanel.module.css';

export interface FeedbackPanelProps {
  readonly documentId: string;
  /** The template the document was made from: proposals offer the form (lib/comments/feedbackOffered.ts). */
  readonly template: string;
}

/** The visible feedback (thread roots of kind 'feedback') and their visible replies by thread. */
export function feedbackOf(comments: readonly CommentView[]): { items: CommentView[]; replies: Map<string, CommentView[]> } {
  const items = comments.filter((c) => c.parentId === null && c.kind === 'feedback' && c.state === 'visible');
  const ids = new Set(items.map((item) => item.id));
  const replies = new Map<string, CommentView[]>();
  for (const c of comments) {
    if (c.parentId === null || c.state !== 'visible' || !ids.has(c.threadId)) continue;
    replies.set(c.threadId, [...(replies.get(c.threadId) ?? []), c]);
  }
  for (const list of replies.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { items, replies };
}

/**
 * Feedback on the whole proposal (the feedback model: what works well, questions, suggestions for
 * improvement), below the editor and apart from the passage comments in the margin: the authors'
 * overview (counts and each category's most supported), the form for whoever may comment now, and
 * the feedback by category with supports and replies. Kept current by the editor's "comments
 * changed" notices (useFeedbackList).
 */
export function FeedbackPanel({ documentId, template }: FeedbackPanelProps) {
  const t = useT();
  const id = useId();
  const list = useFeedbackList(documentId);
  const { items, replies } = useMemo(() => feedbackOf(list.data?.comments ?? []), [list.data]);
  const summary = useMemo(() => summariseFeedback(items), [items]);
  const viewer = list.data?.viewer ?? null;
  if (!offersFeedback(template) && items.length === 0) return null;
  const canComment = viewer?.canComment ?? false;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${id}-heading`} data-testid="feedback-panel">
      <h2 id={`${id}-heading`}>{t('feedback.heading')}</h2>
      <p className="hint">{t('feedback.intro')}</p>
      <FeedbackOverview summary={summary} />
      {list.error && (
        <p className="field-error" role="alert">
          {t('feedback.loadError')}{' '}
          <button type="button" className="button button--secondary button--small" onClick={list.refresh}>
            {t('feedback.retry')}
          </button>
        </p>
      )}
      {viewer &&
        (canComment ? (
          <FeedbackForm documentId={documentId} onSent={list.refresh} />
        ) : (
          <p className="hint" data-testid="feedback-cannot">
            {t('feedback.form.cannot')} {viewer.commentRefusal ? errorMessage(t, viewer.commentRefusal) : ''}
          </p>
        ))}
      {summary.groups.map((group) => (
        <section
          key={group.category}
          className={styles.group}
          aria-labelledby={`${id}-${group.category}`}
          data-testid={`feedback-group-${group.category}`}
        >
          <h3 id={`${id}-${group.category}`}>
            {t('feedback.list.heading', { category: t(`feedback.category.${group.category}`), n: group.items.length })}
          </h3>
          {group.items.length === 0 ? (
            <p className="hint">{t('feedback.list.empty')}</p>
          ) : (
            <ul className={styles.list}>
              {group.items.map((item) => (
                <li key={item.id}>
                  <FeedbackItem
                    documentId={documentId}
                    item={item}
                    replies={replies.get(item.id) ?? []}
                    canComment={canComment}
                    onChanged={list.refresh}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

/** "3 ting, der fungerer godt, 2 spørgsmål og 4 forslag til forbedring", and each category's most supported. */
function FeedbackOverview({ summary }: { summary: FeedbackSummary<CommentView> }) {
  const t = useT();
  const id = useId();
  return (
    <section className={styles.overview} aria-labelledby={`${id}-heading`} data-testid="feedback-summary">
      <h3 id={`${id}-heading`}>{t('feedback.summary.heading')}</h3>
      <p aria-live="polite" data-testid="feedback-counts">
        {summary.total === 0 ? t('feedback.summary.none') : t('feedback.summary.counts', summary.counts)}
      </p>
      {summary.groups.some((group) => group.top) && (
        <ul>
          {summary.groups.flatMap((group) =>
            group.top
              ? [
                  <li key={group.category}>
                    {t('feedback.summary.top', {
                      category: t(`feedback.category.${group.category}`),
                      text: excerpt(group.top.text, 80),
                      n: group.top.supportCount,
                    })}
                  </li>,
                ]
              : [],
          )}
        </ul>
      )}
    </section>
  );
}

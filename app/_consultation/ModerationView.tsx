'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { displayPersonName } from '../../lib/account/displayPersonName';
import type { ModerationLogEntry } from '../../lib/comments/model';
import { formatDateTime } from '../../lib/i18n/format';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { CommentView } from './commentViews';
import { CommentByline } from './CommentByline';
import { CommentText } from './CommentText';
import { ModerationActions } from './ModerationActions';

export interface ModerationQueueEntry {
  readonly document: { readonly id: string; readonly title: string };
  readonly comment: CommentView;
}

export interface ModerationLogLine extends ModerationLogEntry {
  readonly documentTitle: string;
}

/**
 * The moderator's page: reported comments across every consultation they may moderate (with
 * the reports, the document and a link to it) and what to do with each, then the log of acts.
 */
export function ModerationView({ queue, log }: { queue: readonly ModerationQueueEntry[]; log: readonly ModerationLogLine[] }) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  // The log is newest first: a comment whose latest act is "hide" is hidden now and can be restored.
  const latest = new Map<string, string>();
  for (const entry of log) if (!latest.has(entry.commentId)) latest.set(entry.commentId, entry.id);

  return (
    <div className="moderation">
      <h1>{t('consultation.moderation.heading')}</h1>
      <p>{t('consultation.moderation.intro')}</p>
      {done && <p role="status">{done}</p>}

      <section aria-labelledby={`${ids}-queue`}>
        <h2 id={`${ids}-queue`}>{t('consultation.moderation.queueHeading')}</h2>
        {queue.length === 0 ? (
          <p>{t('consultation.moderation.queueEmpty')}</p>
        ) : (
          <ol className="moderation-list">
            {queue.map(({ document, comment }) => (
              <li key={comment.id} className="moderation-item" data-testid="moderation-item">
                <h3>
                  <Link href={`/d/${encodeURIComponent(document.id)}`}>
                    {t('consultation.moderation.inDocument', { title: document.title })}
                  </Link>
                </h3>
                {comment.anchor && (
                  <blockquote className="thread__quote">
                    <p>{comment.anchor.quote.exact}</p>
                  </blockquote>
                )}
                <CommentByline comment={comment} />
                <CommentText text={comment.text} />
                {comment.replacement !== undefined && comment.replacement !== '' && <CommentText text={comment.replacement} />}
                <p className="thread__label">{t('consultation.moderation.reports')}</p>
                <ul className="moderation-item__reports">
                  {(comment.reports ?? []).map((report, index) => (
                    <li key={index}>
                      {t('consultation.moderation.reportItem', {
                        ground: t(`consultation.ground.${report.ground}`),
                        date: formatDateTime(report.at, locale),
                      })}
                      {report.note && <CommentText text={report.note} />}
                    </li>
                  ))}
                </ul>
                <ModerationActions
                  commentId={comment.id}
                  hidden={comment.state === 'hidden'}
                  reported={(comment.reports?.length ?? 0) > 0}
                  suggestedGround={comment.reports?.[0]?.ground}
                  onDone={(action) => {
                    setDone(t(`consultation.moderation.done.${action}`));
                    router.refresh();
                  }}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby={`${ids}-log`} data-testid="moderation-log">
        <h2 id={`${ids}-log`}>{t('consultation.moderation.logHeading')}</h2>
        {log.length === 0 ? (
          <p>{t('consultation.moderation.logEmpty')}</p>
        ) : (
          <ol className="moderation-log">
            {log.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>:{' '}
                {entry.action === 'hide'
                  ? t('consultation.moderation.log.hide', {
                      name: displayPersonName(t, entry.by.name),
                      title: entry.documentTitle,
                      ground: t(`consultation.groundShort.${entry.ground ?? 'other'}`),
                      reason: entry.reason,
                    })
                  : t(`consultation.moderation.log.${entry.action}`, {
                      name: displayPersonName(t, entry.by.name),
                      title: entry.documentTitle,
                      reason: entry.reason,
                    })}{' '}
                <Link href={`/d/${encodeURIComponent(entry.documentId)}`}>{t('consultation.moderation.openDocument')}</Link>
                {entry.action === 'hide' && latest.get(entry.commentId) === entry.id && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={restoring === entry.id}
                      onClick={() => setRestoring(restoring === entry.id ? null : entry.id)}
                    >
                      {t('consultation.moderation.restoreOpen')}
                    </button>
                    {restoring === entry.id && (
                      <ModerationActions
                        commentId={entry.commentId}
                        hidden
                        reported={false}
                        onDone={(action) => {
                          setRestoring(null);
                          setDone(t(`consultation.moderation.done.${action}`));
                          router.refresh();
                        }}
                      />
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

'use client';
import { useId, useState } from 'react';
import { commentAnchorId } from '../../lib/comments/commentAnchor';
import { useT } from '../../lib/i18n/useT';
import type { CommentView } from './commentViews';
import { CommentByline } from './CommentByline';
import { CommentText } from './CommentText';
import { commentUrl, useConsultation } from './ConsultationContext';
import { excerpt } from './excerpt';
import { mentionIdsOf } from './MentionField';
import { ModerationActions } from './ModerationActions';
import { ReportForm } from './ReportForm';
import { TextForm } from './TextForm';
import { COMMENT_TEXT_MAX_LENGTH } from './limits';
import { useOpenForm } from './useOpenForm';

type Open = 'edit' | 'delete' | 'report' | 'moderate';

/**
 * One comment (a thread's root or a reply): who and when, the text (or the moderator's
 * placeholder), and what the viewer may do with it: edit or delete their own, report others'.
 */
export function CommentEntry({ comment, bylineId }: { comment: CommentView; bylineId?: string }) {
  const t = useT();
  const { documentId, viewer, writer, refresh } = useConsultation();
  const [notice, setNotice] = useState<string | null>(null);
  const { open, setOpen, openForm, close } = useOpenForm<Open>(() => setNotice(null));
  const confirmId = useId();

  const label = excerpt(comment.text || comment.anchor?.quote.exact || '');
  const visible = comment.state === 'visible';

  async function remove() {
    const failure = await writer.send({
      kind: 'delete',
      method: 'DELETE',
      url: commentUrl(documentId, comment.id),
      label: t('consultation.write.delete', { excerpt: label }),
      text: comment.text,
      threadId: comment.threadId,
    });
    if (failure) setNotice(failure);
    else setOpen('none');
  }

  return (
    // The comment's own place on the page (`#kommentar-<id>`, lib/comments/commentAnchor.ts): a link to it focuses it.
    <div className={`comment comment--${comment.state}`} data-comment-id={comment.id} id={commentAnchorId(comment.id)} tabIndex={-1}>
      <CommentByline comment={comment} id={bylineId} />
      {comment.state === 'hidden' ? (
        <>
          <p className="comment__placeholder" data-testid="hidden-placeholder">
            {comment.hiddenGround
              ? t('consultation.hidden.withGround', { ground: t(`consultation.groundShort.${comment.hiddenGround}`) })
              : t('consultation.hidden.plain')}
          </p>
          {viewer.canModerate && comment.text !== '' && (
            <div className="comment__moderator-copy">
              <p className="hint">{t('consultation.hidden.moderatorCopy')}</p>
              <CommentText text={comment.text} />
            </div>
          )}
        </>
      ) : comment.state === 'deleted' ? (
        <p className="comment__placeholder">
          {comment.wasHidden
            ? t('consultation.deletedAfterHidden', {
                hidden: comment.hiddenGround
                  ? t('consultation.hidden.withGround', { ground: t(`consultation.groundShort.${comment.hiddenGround}`) })
                  : t('consultation.hidden.plain'),
              })
            : t('consultation.deleted')}
        </p>
      ) : open === 'edit' ? (
        <TextForm
          label={t('consultation.edit.label')}
          submitLabel={t('consultation.edit.submit')}
          requiredMessage={t('consultation.comment.required')}
          maxLength={COMMENT_TEXT_MAX_LENGTH}
          initial={comment.text}
          // Signed in, "@" suggests people here as in a new comment; the edit sends all the people the
          // text still mentions (those mentioned before included), and the newly mentioned are told once.
          {...(viewer.signedIn && { mentionsIn: documentId, initialMentions: comment.mentions ?? [] })}
          onSubmit={async (text, form) => {
            const failure = await writer.send({
              kind: 'edit',
              method: 'PATCH',
              url: commentUrl(documentId, comment.id),
              body: viewer.signedIn ? { text, mentions: mentionIdsOf(form) } : { text },
              label: t('consultation.write.edit', { excerpt: label }),
              text,
              threadId: comment.threadId,
            });
            if (!failure) close();
            return failure;
          }}
          onCancel={close}
        />
      ) : (
        comment.text !== '' && <CommentText text={comment.text} />
      )}

      {viewer.canModerate && comment.state !== 'deleted' && open !== 'edit' && (
        <div className="comment__actions">
          <button
            type="button"
            className="link-button"
            onClick={(event) => openForm(open === 'moderate' ? 'none' : 'moderate', event.currentTarget)}
            aria-expanded={open === 'moderate'}
          >
            {t('consultation.moderation.moderate')}
          </button>
        </div>
      )}
      {open === 'moderate' && (
        <ModerationActions
          commentId={comment.id}
          hidden={comment.state === 'hidden'}
          reported={(comment.reports?.length ?? 0) > 0}
          suggestedGround={comment.reports?.[0]?.ground}
          onDone={(action) => {
            close();
            setNotice(t(`consultation.moderation.done.${action}`));
            refresh();
          }}
        />
      )}
      {visible && open !== 'edit' && (
        <div className="comment__actions">
          {comment.mine && (
            <>
              <button type="button" className="link-button" onClick={(event) => openForm('edit', event.currentTarget)}>
                {t('consultation.edit.open')}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={(event) => openForm('delete', event.currentTarget)}
                aria-expanded={open === 'delete'}
              >
                {t('consultation.delete.open')}
              </button>
            </>
          )}
          {!comment.mine &&
            (comment.reportedByMe ? (
              <span className="hint">{t('consultation.report.done')}</span>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={(event) => openForm('report', event.currentTarget)}
                aria-expanded={open === 'report'}
              >
                {t('consultation.report.open')}
              </button>
            ))}
        </div>
      )}
      {open === 'delete' && (
        <div className="comment__confirm" role="group" aria-labelledby={confirmId}>
          <p id={confirmId}>{t('consultation.delete.confirm')}</p>
          <button type="button" className="button button--small button--danger" onClick={() => void remove()}>
            {t('consultation.delete.yes')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={close} autoFocus>
            {t('consultation.cancel')}
          </button>
        </div>
      )}
      {open === 'report' && (
        <ReportForm
          onSubmit={async (ground, note) => {
            const failure = await writer.send({
              kind: 'report',
              method: 'POST',
              url: commentUrl(documentId, comment.id, '/reports'),
              body: { ground, note },
              label: t('consultation.write.report', { excerpt: label }),
              text: note,
              threadId: comment.threadId,
            });
            if (!failure) {
              close();
              setNotice(t('consultation.report.thanks'));
            }
            return failure;
          }}
          onCancel={close}
        />
      )}
      {notice && (
        <p className="comment__notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}

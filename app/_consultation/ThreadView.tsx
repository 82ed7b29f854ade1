'use client';
import { useId, useState } from 'react';
import { displayPersonName } from '../../lib/account/displayPersonName';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { AnswerForm } from './AnswerForm';
import { CommentEntry } from './CommentEntry';
import { CommentText } from './CommentText';
import { commentUrl, useConsultation } from './ConsultationContext';
import { excerpt } from './excerpt';
import { SuggestionDiff } from './SuggestionDiff';
import { mentionIdsOf } from './MentionField';
import { TextForm } from './TextForm';
import { isClosed, type Thread } from './threadList';
import { COMMENT_TEXT_MAX_LENGTH, REASON_MAX_LENGTH } from './limits';
import type { PendingWrite } from './useCommentWriter';
import { useOpenForm } from './useOpenForm';

type Open = 'reply' | 'answer' | 'decline';

export interface ThreadViewProps {
  readonly thread: Thread;
  readonly active: boolean;
  /** The passage is in the body (not orphaned): the thread can show it. */
  readonly placed: boolean;
  /** Writes to this thread that wait to be sent. */
  readonly pending: readonly PendingWrite[];
  readonly onActivate: (threadId: string) => void;
}

/**
 * One thread in the list: the quoted passage, the comment or suggestion (with its diff), the
 * official answer and decision, replies, and the actions the viewer may take.
 */
export function ThreadView({ thread, active, placed, pending, onActivate }: ThreadViewProps) {
  const t = useT();
  const ids = useId();
  const { documentId, viewer, writer, online, refresh, showPassage, applySuggestion, canApply } = useConsultation();
  const { root, replies } = thread;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { open, openForm, close } = useOpenForm<Open>(() => {
    setError(null);
    onActivate(root.id);
  });
  const quote = root.anchor?.quote.exact ?? '';
  const label = excerpt(quote);
  const closed = isClosed(thread);
  const suggestion = root.kind === 'suggestion';
  const visible = root.state === 'visible';
  // A support still in the outbox counts as given (or withdrawn) already.
  const pendingSupport = [...pending].reverse().find((write) => write.kind === 'support' && write.commentId === root.id);
  const supported = pendingSupport ? (pendingSupport.body as { supported?: boolean }).supported === true : root.supportedByMe;
  const supportCount = root.supportCount + (supported === root.supportedByMe ? 0 : supported ? 1 : -1);
  const pendingReplies = pending.filter((write) => write.kind === 'reply');
  const pendingChanges = pending.filter((write) => write.kind !== 'reply' && write.kind !== 'support');

  /** Editor-only actions go straight to the server (they need it: the body changes with them). */
  async function direct(method: 'PUT', rest: string, body: Record<string, unknown>): Promise<string | null> {
    setBusy(true);
    const result = await sendJson(method, commentUrl(documentId, root.id, rest), body);
    setBusy(false);
    if (!result.ok) return errorMessage(t, result.code);
    refresh();
    return null;
  }

  async function toggleSupport() {
    const failure = await writer.send({
      kind: 'support',
      method: 'PUT',
      url: commentUrl(documentId, root.id, '/support'),
      body: { supported: !supported },
      label: t(supported ? 'consultation.write.unsupport' : 'consultation.write.support', { excerpt: label }),
      text: '',
      threadId: root.id,
    });
    setError(failure);
  }

  async function accept() {
    setError(null);
    const failure = applySuggestion(thread);
    if (failure) return setError(failure);
    setError(await direct('PUT', '/decision', { decision: 'accepted', reason: '' }));
  }

  const status = suggestion
    ? root.decision
      ? t(root.decision.decision === 'accepted' ? 'consultation.status.accepted' : 'consultation.status.declined')
      : root.resolved
        ? t('consultation.status.resolved')
        : t('consultation.status.open')
    : root.resolved
      ? t('consultation.status.resolved')
      : t('consultation.status.open');

  return (
    <li className="thread-list__item">
      <article
        className={`thread${active ? ' thread--active' : ''}${closed ? ' thread--closed' : ''}`}
        aria-labelledby={`${ids}-title`}
        data-thread-id={root.id}
        data-testid="thread"
        onFocusCapture={() => onActivate(root.id)}
      >
        <p className="thread__title" id={`${ids}-title`}>
          <span className="thread__kind">{t(suggestion ? 'consultation.kind.suggestion' : 'consultation.kind.comment')}</span>
          <span className={`badge thread__status${closed ? ' thread__status--closed' : ''}`}>{status}</span>
          {root.author && (
            <span className="visually-hidden"> {t('consultation.thread.by', { name: displayPersonName(t, root.author.name) })}</span>
          )}
        </p>
        {quote !== '' && (
          <blockquote className="thread__quote">
            <p>{quote}</p>
          </blockquote>
        )}
        {placed && (
          <button type="button" className="link-button thread__show" onClick={() => showPassage(root.id)}>
            {t('consultation.thread.showPassage')}
          </button>
        )}

        <CommentEntry comment={root} />
        {suggestion && root.replacement !== undefined && visible && (
          <div className="thread__suggestion">
            <p className="thread__label">{t('consultation.suggestion.heading')}</p>
            <SuggestionDiff before={quote} after={root.replacement} />
          </div>
        )}
        {root.decision && (
          <p className="thread__decision">
            {t(root.decision.decision === 'accepted' ? 'consultation.decision.acceptedBy' : 'consultation.decision.declinedBy', {
              name: displayPersonName(t, root.decision.by.name),
            })}
            {root.decision.reason && <>: {root.decision.reason}</>}
          </p>
        )}
        {root.resolved && !root.decision && (
          <p className="thread__decision">{t('consultation.resolvedBy', { name: displayPersonName(t, root.resolved.by.name) })}</p>
        )}
        {root.answer && (
          <div className="thread__answer" data-testid="official-answer">
            <p className="thread__label">
              {t('consultation.answer.heading', { status: t(`consultation.answerStatus.${root.answer.status}`) })}
            </p>
            <CommentText text={root.answer.text} />
            <p className="hint">{t('consultation.answer.by', { name: displayPersonName(t, root.answer.by.name) })}</p>
          </div>
        )}

        <div className="thread__actions">
          {visible &&
            (root.mine ? (
              // One's own comment cannot be supported: its count is shown as text.
              <span className="thread__supports">{t('consultation.support.count', { n: supportCount })}</span>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small support-button"
                aria-pressed={supported}
                disabled={!viewer.canComment}
                onClick={() => void toggleSupport()}
              >
                {t('consultation.support.button', { n: supportCount })}
              </button>
            ))}
          {viewer.canComment && !closed && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={(event) => openForm('reply', event.currentTarget)}
              aria-expanded={open === 'reply'}
            >
              {t('consultation.reply.open')}
            </button>
          )}
          {viewer.canRespond && (
            <>
              {!suggestion || root.decision ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={busy || !online}
                  onClick={() => void direct('PUT', '/resolution', { resolved: !root.resolved }).then(setError)}
                >
                  {t(root.resolved ? 'consultation.resolve.reopen' : 'consultation.resolve.resolve')}
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy || !online || !canApply || !visible}
                    onClick={() => void accept()}
                  >
                    {t('consultation.decision.accept')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={busy || !online}
                    onClick={(event) => openForm('decline', event.currentTarget)}
                    aria-expanded={open === 'decline'}
                  >
                    {t('consultation.decision.decline')}
                  </button>
                </>
              )}
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={!online}
                onClick={(event) => openForm('answer', event.currentTarget)}
                aria-expanded={open === 'answer'}
              >
                {t(root.answer ? 'consultation.answer.change' : 'consultation.answer.open')}
              </button>
            </>
          )}
        </div>
        {viewer.canRespond && !online && <p className="hint">{t('consultation.needsConnection')}</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}

        {open === 'answer' && (
          <AnswerForm
            current={root.answer}
            onSubmit={async (answerStatus, text) => {
              const failure = await direct('PUT', '/answer', { status: answerStatus, text });
              if (!failure) close();
              return failure;
            }}
            onCancel={close}
          />
        )}
        {open === 'decline' && (
          <TextForm
            label={t('consultation.decision.reason')}
            submitLabel={t('consultation.decision.declineSubmit')}
            requiredMessage={t('consultation.decision.reasonRequired')}
            maxLength={REASON_MAX_LENGTH}
            onSubmit={async (reason) => {
              const failure = await direct('PUT', '/decision', { decision: 'declined', reason });
              if (!failure) close();
              return failure;
            }}
            onCancel={close}
          />
        )}

        {pendingChanges.map((write) => (
          <p key={write.id} className="comment comment--pending">
            {t('consultation.pending.change', { label: write.label })}
          </p>
        ))}
        {(replies.length > 0 || pendingReplies.length > 0) && (
          <ol className="thread__replies" aria-label={t('consultation.reply.listLabel')}>
            {replies.map((reply) => (
              <li key={reply.id}>
                <CommentEntry comment={reply} />
              </li>
            ))}
            {pendingReplies.map((write) => (
              <li key={write.id} className="comment comment--pending">
                <p className="comment__byline">{t('consultation.pending.item')}</p>
                {write.text && <CommentText text={write.text} />}
              </li>
            ))}
          </ol>
        )}
        {open === 'reply' && (
          <TextForm
            label={t('consultation.reply.label')}
            submitLabel={t('consultation.reply.submit')}
            requiredMessage={t('consultation.comment.required')}
            maxLength={COMMENT_TEXT_MAX_LENGTH}
            testId="reply-form"
            {...(viewer.signedIn && { mentionsIn: documentId })}
            onSubmit={async (text, form) => {
              const mentions = mentionIdsOf(form);
              const failure = await writer.send({
                kind: 'reply',
                method: 'POST',
                url: commentUrl(documentId, root.id, '/replies'),
                body: { text, ...(mentions.length > 0 && { mentions }) },
                label: t('consultation.write.reply', { excerpt: label }),
                text,
                threadId: root.id,
              });
              if (!failure) close();
              return failure;
            }}
            onCancel={close}
          />
        )}
      </article>
    </li>
  );
}

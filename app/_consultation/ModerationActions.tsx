'use client';
import { useId, useState, type FormEvent } from 'react';
import type { ModerationAction, ReportGround } from '../../lib/comments/model';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { GroundSelect } from './GroundSelect';
import { REASON_MAX_LENGTH } from './limits';

export interface ModerationActionsProps {
  readonly commentId: string;
  /** Hidden comments can be restored; visible ones hidden, or kept when reported. */
  readonly hidden: boolean;
  readonly reported: boolean;
  /** The ground to preselect (the most common report's). */
  readonly suggestedGround?: ReportGround;
  /** Called after the server took the action. */
  readonly onDone: (action: ModerationAction) => void;
}

/**
 * A moderator's decision on one comment, with the reason the log keeps: hide (on a ground the
 * public summary counts), keep (reviewed, the reports are closed) or restore a hidden comment.
 */
export function ModerationActions({ commentId, hidden, reported, suggestedGround, onDone }: ModerationActionsProps) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = (submitter?.value ?? (hidden ? 'restore' : 'hide')) as ModerationAction;
    const form = new FormData(event.currentTarget);
    const reason = String(form.get('reason') ?? '').trim();
    if (reason === '') return setError(t('consultation.moderation.reasonRequired'));
    setBusy(true);
    const result = await sendJson('POST', `/api/moderation/comments/${encodeURIComponent(commentId)}`, {
      action,
      reason,
      ...(action === 'hide' && { ground: String(form.get('ground')) }),
    });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    onDone(action);
  }

  return (
    <form className="moderation-actions" onSubmit={submit} noValidate aria-label={t('consultation.moderation.actionsLabel')}>
      <div className="moderation-item__actions">
        {!hidden && (
          <GroundSelect id={`${id}-ground`} label={t('consultation.moderation.ground')} defaultValue={suggestedGround ?? 'offensive'} />
        )}
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('consultation.moderation.reason')}</label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            maxLength={REASON_MAX_LENGTH}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="comment-form__actions">
        {hidden ? (
          <button className="button button--small" type="submit" name="action" value="restore" disabled={busy}>
            {t('consultation.moderation.restore')}
          </button>
        ) : (
          <>
            <button className="button button--small button--danger" type="submit" name="action" value="hide" disabled={busy}>
              {t('consultation.moderation.hide')}
            </button>
            {reported && (
              <button className="button button--secondary button--small" type="submit" name="action" value="keep" disabled={busy}>
                {t('consultation.moderation.keep')}
              </button>
            )}
          </>
        )}
      </div>
    </form>
  );
}

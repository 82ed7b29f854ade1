'use client';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { GUEST_NAME_MAX_LENGTH } from './limits';

/**
 * For a signed-out visitor of a consultation that admits guests: give a display name and comment
 * as a guest (the server keeps it in a signed cookie). Signing in is offered beside it.
 */
export function GuestJoin({ documentId, onJoined }: { documentId: string; onJoined: () => void }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const displayName = String(new FormData(event.currentTarget).get('displayName') ?? '').trim();
    if (displayName === '') return setError(t('error.name_required'));
    setBusy(true);
    const result = await sendJson('POST', '/api/guest', { displayName });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    onJoined();
  }

  const next = encodeURIComponent(`/d/${documentId}`);
  return (
    <div className="guest-join" data-testid="guest-join">
      <p>{t('consultation.guest.intro')}</p>
      {open ? (
        <form onSubmit={join} noValidate onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('consultation.guest.name')}</label>
            <input
              id={`${id}-name`}
              name="displayName"
              maxLength={GUEST_NAME_MAX_LENGTH}
              autoComplete="nickname"
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              autoFocus
            />
            <p className="hint" id={`${id}-hint`}>
              {t('consultation.guest.hint')}
            </p>
          </div>
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
          <button className="button button--small" type="submit" disabled={busy}>
            {busy ? t('form.working') : t('consultation.guest.submit')}
          </button>
        </form>
      ) : (
        <p className="guest-join__choices">
          <button type="button" className="button button--small" onClick={() => setOpen(true)}>
            {t('consultation.guest.open')}
          </button>
          <a href={`/konto/log-ind?next=${next}`}>{t('account.signIn.link')}</a>
        </p>
      )}
    </div>
  );
}

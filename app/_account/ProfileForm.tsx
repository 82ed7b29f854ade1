'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/**
 * "Navn og e-mail" on /konto: the name changes at once; the e-mail through a link to the new address
 * when the server sends mail (`mailConfirms`), else with the current password.
 */
export function ProfileForm({ name, email, mailConfirms }: { name: string; email: string; mailConfirms: boolean }) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const [nameStatus, setNameStatus] = useState<{ error: string | null; done: string }>({ error: null, done: '' });
  const [emailStatus, setEmailStatus] = useState<{ error: string | null; done: string }>({ error: null, done: '' });
  const [busy, setBusy] = useState(false);

  async function saveName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await sendJson('PATCH', '/api/account/profile', { name: String(new FormData(event.currentTarget).get('name') ?? '') });
    setBusy(false);
    if (!result.ok) return setNameStatus({ error: errorMessage(t, result.code), done: '' });
    setNameStatus({ error: null, done: t('account.profile.name.done') });
    router.refresh();
  }

  async function changeEmail(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      email: String(data.get('email') ?? ''),
      ...(!mailConfirms && { currentPassword: String(data.get('currentPassword') ?? '') }),
    };
    setBusy(true);
    const result = await sendJson<{ status: 'confirmation_sent' | 'changed' }>('POST', '/api/account/email', body);
    setBusy(false);
    if (!result.ok) return setEmailStatus({ error: errorMessage(t, result.code), done: '' });
    form.reset();
    const sent = result.data.status === 'confirmation_sent';
    setEmailStatus({ error: null, done: t(sent ? 'account.profile.email.sent' : 'account.profile.email.changed') });
    if (!sent) router.refresh();
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="account-profile">
      <h2 id={`${id}-heading`}>{t('account.profile.heading')}</h2>
      <form onSubmit={saveName} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('account.name')}</label>
          <input
            id={`${id}-name`}
            name="name"
            defaultValue={name}
            autoComplete="name"
            required
            maxLength={60}
            aria-describedby={`${id}-name-hint`}
            aria-invalid={nameStatus.error ? true : undefined}
          />
          <p className="field-hint" id={`${id}-name-hint`}>
            {t('account.name.hint')}
          </p>
        </div>
        {nameStatus.error && (
          <p className="field-error" role="alert">
            {nameStatus.error}
          </p>
        )}
        <p role="status">{nameStatus.done}</p>
        <button className="button" type="submit" disabled={busy}>
          {t('account.profile.name.submit')}
        </button>
      </form>
      <form onSubmit={changeEmail} noValidate>
        <p>{t('account.profile.email.current', { email })}</p>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('account.profile.email.new')}</label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="email" required maxLength={254} />
        </div>
        {!mailConfirms && (
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('account.profile.email.password')}</label>
            <input id={`${id}-password`} name="currentPassword" type="password" autoComplete="current-password" required />
          </div>
        )}
        {emailStatus.error && (
          <p className="field-error" role="alert">
            {emailStatus.error}
          </p>
        )}
        <p role="status">{emailStatus.done}</p>
        <button className="button" type="submit" disabled={busy}>
          {t('account.profile.email.submit')}
        </button>
      </form>
    </section>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { NAME_MAX_LENGTH } from '../_shared/schemas';
import { sendJson } from '../_components/postJson';

/** "Hvad hedder du?": the display name others see, kept in a signed session cookie. */
export function NameForm({ next }: { next: string | null }) {
  const t = useT();
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    setBusy(true);
    const result = await sendJson('POST', '/api/session', { name });
    if (!result.ok) {
      setBusy(false);
      setError(errorMessage(t, result.code));
      return;
    }
    if (next) router.push(next);
    router.refresh();
  }

  return (
    <section className="name-gate card" aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>{t('name.heading')}</h1>
      <p>{t('name.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('name.label')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('name.hint')}
          </p>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            autoComplete="nickname"
            required
            maxLength={NAME_MAX_LENGTH}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error ? true : undefined}
            autoFocus
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('form.working') : t('name.submit')}
        </button>
      </form>
    </section>
  );
}

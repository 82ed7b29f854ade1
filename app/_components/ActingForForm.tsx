'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { actorLabel } from '../../lib/people/actorLabel';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from './postJson';

export interface ActingForChoice {
  readonly id: string;
  readonly name: string;
}

/** "Hvem skriver du som?": oneself, or on behalf of one of one's organisations ("Navn (Organisation)"). */
export function ActingForForm({
  name,
  organisations,
  current,
}: {
  name: string;
  organisations: readonly ActingForChoice[];
  current: string | null;
}) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('actingFor') ?? '');
    setBusy(true);
    const result = await sendJson<{ label: string }>('PUT', '/api/account/acting-for', { organisationId: chosen === '' ? null : chosen });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setDone(t('acting.done', { label: result.data.label }));
    router.refresh();
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="acting-for">
      <h2 id={`${id}-heading`}>{t('acting.heading')}</h2>
      <p>{t('acting.intro', { example: actorLabel(name, organisations[0]) })}</p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend className="visually-hidden">{t('acting.heading')}</legend>
          <label className="choice">
            <input type="radio" name="actingFor" value="" defaultChecked={current === null} />
            <span className="choice__label">{t('acting.self', { name })}</span>
          </label>
          {organisations.map((organisation) => (
            <label className="choice" key={organisation.id}>
              <input type="radio" name="actingFor" value={organisation.id} defaultChecked={current === organisation.id} />
              <span className="choice__label">{t('acting.organisation', { organisation: organisation.name })}</span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <p role="status">{done}</p>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('form.working') : t('acting.submit')}
        </button>
      </form>
    </section>
  );
}

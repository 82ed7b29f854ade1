'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import type { ActingForChoice } from './ActingForForm';
import { sendJson } from './postJson';

/**
 * The header's "Skriv som" choice for people in organisations: a labelled select that saves on
 * change (PUT /api/account/acting-for) and announces the result; the page then shows the new name.
 */
export function HeaderActingFor({
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
  const [value, setValue] = useState(current ?? '');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(chosen: string) {
    const before = value;
    setValue(chosen);
    setBusy(true);
    const result = await sendJson<{ label: string }>('PUT', '/api/account/acting-for', { organisationId: chosen === '' ? null : chosen });
    setBusy(false);
    if (!result.ok) {
      setValue(before);
      setMessage({ error: true, text: errorMessage(t, result.code) });
      return;
    }
    setMessage({ error: false, text: t('acting.done', { label: result.data.label }) });
    router.refresh();
  }

  return (
    <div className="header-acting-for" data-testid="header-acting-for">
      <label htmlFor={`${id}-select`}>{t('acting.headerLabel')}</label>{' '}
      <select id={`${id}-select`} value={value} disabled={busy} onChange={(event) => void choose(event.target.value)}>
        <option value="">{t('acting.self', { name })}</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {t('acting.organisation', { organisation: organisation.name })}
          </option>
        ))}
      </select>
      <span className={message?.error ? 'field-error' : 'visually-hidden'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </span>
    </div>
  );
}

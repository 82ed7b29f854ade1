'use client';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import type { Translate } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { kindLabel } from '../../lib/notifications/kindLabel';
import type { NotificationKind } from '../../lib/notifications/model';
import {
  NOTIFICATION_FREQUENCIES,
  type NotificationFrequency,
  type NotificationSettings,
} from '../../lib/notifications/NotificationSettings';
import { sendJson } from '../_components/postJson';

function frequencyLabel(t: Translate, frequency: NotificationFrequency, digestHour: number): string {
  const hour = `${String(digestHour).padStart(2, '0')}:00`;
  switch (frequency) {
    case 'immediate':
      return t('notificationSettings.frequency.immediate');
    case 'daily':
      return t('notificationSettings.frequency.daily', { hour });
    case 'weekly':
      return t('notificationSettings.frequency.weekly', { hour });
    case 'never':
      return t('notificationSettings.frequency.never');
  }
}

/**
 * On /konto: how often the person is e-mailed, by default and per kind ("Som ovenfor" follows the
 * default). Saved with PUT /api/account/notification-settings; the status line says when it is.
 */
export function NotificationSettingsForm({
  initial,
  kinds,
  mailEnabled,
  digestHour,
}: {
  initial: NotificationSettings;
  kinds: readonly NotificationKind[];
  mailEnabled: boolean;
  digestHour: number;
}) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen: Partial<Record<NotificationKind, NotificationFrequency>> = {};
    for (const kind of kinds) {
      const value = String(form.get(`kind-${kind}`) ?? '');
      if ((NOTIFICATION_FREQUENCIES as readonly string[]).includes(value)) chosen[kind] = value as NotificationFrequency;
    }
    setBusy(true);
    setDone('');
    const result = await sendJson<NotificationSettings>('PUT', '/api/account/notification-settings', {
      frequency: String(form.get('frequency') ?? ''),
      kinds: chosen,
    });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setDone(t('notificationSettings.saved'));
  }

  return (
    <section className="card" id="notifikationer" aria-labelledby={`${id}-heading`} data-testid="notification-settings">
      <h2 id={`${id}-heading`}>{t('notificationSettings.heading')}</h2>
      <p>{t('notificationSettings.intro')}</p>
      {!mailEnabled && <p className="notice">{t('notificationSettings.mailOff')}</p>}
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={`${id}-default-hint`}>
          <legend>{t('notificationSettings.default.legend')}</legend>
          <p id={`${id}-default-hint`}>{t('notificationSettings.default.hint')}</p>
          {NOTIFICATION_FREQUENCIES.map((frequency) => (
            <label className="choice" key={frequency}>
              <input type="radio" name="frequency" value={frequency} defaultChecked={initial.frequency === frequency} />
              <span className="choice__label">{frequencyLabel(t, frequency, digestHour)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('notificationSettings.kinds.legend')}</legend>
          {kinds.map((kind) => (
            <div className="field" key={kind}>
              <label htmlFor={`${id}-${kind}`}>{kindLabel(t, kind)}</label>
              <select id={`${id}-${kind}`} name={`kind-${kind}`} defaultValue={initial.kinds[kind] ?? ''}>
                <option value="">{t('notificationSettings.kind.followDefault')}</option>
                {NOTIFICATION_FREQUENCIES.map((frequency) => (
                  <option key={frequency} value={frequency}>
                    {frequencyLabel(t, frequency, digestHour)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <p role="status" data-testid="notification-settings-status">
          {done}
        </p>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('form.working') : t('notificationSettings.save')}
        </button>
      </form>
    </section>
  );
}

'use client';
import { useId, useState, type FormEvent } from 'react';
import { VISIBILITIES, type Visibility } from '../../lib/access/model';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/** Private / workspace / public; workspace only for a document that lives in one. */
export function VisibilityForm(props: {
  documentId: string;
  visibility: Visibility;
  hasWorkspace: boolean;
  announce: (text: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const visibility = new FormData(event.currentTarget).get('visibility');
    setBusy(true);
    const result = await sendJson('PUT', `/api/documents/${encodeURIComponent(props.documentId)}/visibility`, { visibility });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    props.announce(t('sharing.visibility.saved'));
  }

  return (
    <form className="share-panel__part" onSubmit={save} noValidate data-testid="visibility-form">
      <fieldset>
        <legend>{t('sharing.visibility.heading')}</legend>
        {VISIBILITIES.filter((visibility) => visibility !== 'workspace' || props.hasWorkspace).map((visibility) => (
          <div key={visibility} className="choice">
            <input
              type="radio"
              id={`${id}-${visibility}`}
              name="visibility"
              value={visibility}
              defaultChecked={visibility === props.visibility}
            />
            <label htmlFor={`${id}-${visibility}`}>{t(`sharing.visibility.${visibility}`)}</label>
          </div>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button className="button button--small" type="submit" disabled={busy}>
        {busy ? t('form.working') : t('sharing.visibility.save')}
      </button>
    </form>
  );
}

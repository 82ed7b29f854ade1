'use client';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { VISIBILITIES, type Visibility } from '../../lib/access/model';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

type Saving =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Private / workspace / public (workspace only for a document that lives in one), as in the share
 * dialogs people know: a choice that takes effect when it is made, no save button. Said as it goes
 * ("Gemmer…", "Synligheden er gemt."); a refused change puts the choice back to what is in force and
 * says why. Choices made while one is on its way are sent after it, the last one winning.
 */
export function VisibilityForm(props: { documentId: string; visibility: Visibility; hasWorkspace: boolean }) {
  const t = useT();
  const id = useId();
  const [chosen, setChosen] = useState<Visibility>(props.visibility);
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  // What the server holds, and the choice waiting behind the one on its way.
  const saved = useRef<Visibility>(props.visibility);
  const waiting = useRef<Visibility | null>(null);
  const sending = useRef(false);

  async function send(visibility: Visibility) {
    sending.current = true;
    setSaving({ kind: 'saving' });
    const result = await sendJson('PUT', `/api/documents/${encodeURIComponent(props.documentId)}/visibility`, { visibility });
    sending.current = false;
    if (result.ok) saved.current = visibility;
    const next = waiting.current;
    waiting.current = null;
    if (next !== null && next !== saved.current) return send(next);
    if (result.ok) return setSaving({ kind: 'saved' });
    setChosen(saved.current);
    setSaving({ kind: 'failed', message: t('sharing.visibility.notChanged', { error: errorMessage(t, result.code) }) });
  }

  function change(event: ChangeEvent<HTMLSelectElement>) {
    const visibility = event.currentTarget.value as Visibility;
    setChosen(visibility);
    if (sending.current) {
      waiting.current = visibility;
      return;
    }
    if (visibility !== saved.current) void send(visibility);
  }

  return (
    <div className="share-panel__part" data-testid="visibility-form">
      <div className="field">
        <label htmlFor={`${id}-visibility`}>{t('sharing.visibility.heading')}</label>
        <select
          id={`${id}-visibility`}
          name="visibility"
          value={chosen}
          onChange={change}
          aria-describedby={`${id}-status`}
          aria-invalid={saving.kind === 'failed' ? true : undefined}
        >
          {VISIBILITIES.filter((visibility) => visibility !== 'workspace' || props.hasWorkspace).map((visibility) => (
            <option key={visibility} value={visibility}>
              {t(`sharing.visibility.${visibility}`)}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-status`} className="hint" role="status">
        {saving.kind === 'saving'
          ? t('sharing.visibility.saving')
          : saving.kind === 'saved'
            ? t('sharing.visibility.saved')
            : t('sharing.visibility.immediate')}
      </p>
      {saving.kind === 'failed' && (
        <p className="field-error" role="alert">
          {saving.message}
        </p>
      )}
    </div>
  );
}

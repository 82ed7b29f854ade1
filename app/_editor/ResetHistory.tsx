'use client';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/**
 * "Nulstil historik" in the share panel (owners and admins: manage_access): after an inline
 * confirmation, POST …/reset-history. Open editors (this one too) are closed with 4409 and reopen
 * from the fresh body; text anyone wrote offline in the old history is offered to them to copy.
 */
export function ResetHistory({ documentId, announce }: { documentId: string; announce: (text: string) => void }) {
  const t = useT();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  async function reset() {
    setBusy(true);
    const result = await sendJson<{ epoch: number }>('POST', `/api/documents/${encodeURIComponent(documentId)}/reset-history`);
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setConfirming(false);
    announce(t('resetHistory.done', { epoch: result.data.epoch }));
  }

  function cancel() {
    setConfirming(false);
    // Back to the button that opened the question, for keyboard users.
    requestAnimationFrame(() => opener.current?.focus());
  }

  return (
    <section className="share-panel__part" aria-labelledby={`${id}-heading`} data-testid="reset-history">
      <h3 id={`${id}-heading`}>{t('resetHistory.heading')}</h3>
      <p className="hint" id={`${id}-explain`}>
        {t('resetHistory.explain')}
      </p>
      {confirming ? (
        <div role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('resetHistory.confirm')}</p>
          <button type="button" className="button button--small" disabled={busy} onClick={() => void reset()} autoFocus>
            {busy ? t('form.working') : t('resetHistory.confirmYes')}
          </button>{' '}
          <button type="button" className="button button--small button--secondary" disabled={busy} onClick={cancel}>
            {t('resetHistory.cancel')}
          </button>
        </div>
      ) : (
        <button
          ref={opener}
          type="button"
          className="button button--small button--secondary"
          aria-describedby={`${id}-explain`}
          onClick={() => setConfirming(true)}
        >
          {t('resetHistory.button')}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

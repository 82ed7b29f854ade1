'use client';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import type { RequestSummary } from '../_shared/InviteSummary';
import { REQUEST_MESSAGE_MAX_LENGTH, coAuthorRequestSchema, firstIssueCode } from '../_shared/schemas';
import { useJsonList } from './useJsonList';

const pickOwn = (body: unknown) => (body as { own?: RequestSummary | null }).own ?? null;

/**
 * For a reader who cannot edit: ask the owner to co-author, and see what became of the request.
 * In a dialog of the document's top bar, which gives it its heading ("Vil du skrive med?").
 */
export function AskToCoAuthor({ documentId }: { documentId: string }) {
  const t = useT();
  const id = useId();
  const url = `/api/documents/${encodeURIComponent(documentId)}/requests`;
  const [own, setOwn] = useJsonList<RequestSummary | null>(url, pickOwn, null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = coAuthorRequestSchema.safeParse({ message: new FormData(event.currentTarget).get('message') ?? '' });
    if (!parsed.success) return setError(errorMessage(t, firstIssueCode(parsed.error)));
    setBusy(true);
    const result = await sendJson<{ own: RequestSummary }>('POST', url, parsed.data);
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setOwn(result.data.own);
  }

  const state = own?.state;
  return (
    <div className="share-panel" data-testid="ask-to-co-author">
      {state === 'pending' || state === 'approved' ? (
        <p role="status">{t(state === 'pending' ? 'sharing.ask.pending' : 'sharing.ask.approved')}</p>
      ) : (
        <>
          {state === 'declined' && <p role="status">{t('sharing.ask.declined')}</p>}
          <p>{t('sharing.ask.body')}</p>
          <form onSubmit={ask} noValidate>
            <div className="field">
              <label htmlFor={`${id}-message`}>{t('sharing.ask.message')}</label>
              <textarea id={`${id}-message`} name="message" rows={3} maxLength={REQUEST_MESSAGE_MAX_LENGTH} />
            </div>
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
            <button className="button button--small" type="submit" disabled={busy}>
              {busy ? t('form.working') : t('sharing.ask.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

'use client';
import { useId, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import type { RequestSummary } from '../_shared/InviteSummary';
import { useJsonList } from './useJsonList';

const pickRequests = (body: unknown) => (body as { requests?: RequestSummary[] }).requests;

/** Pending "ask to co-author" requests, for the owner to approve (editor) or decline. */
export function RequestList({ documentId, announce }: { documentId: string; announce: (text: string) => void }) {
  const t = useT();
  const id = useId();
  const url = `/api/documents/${encodeURIComponent(documentId)}/requests`;
  const [requests, setRequests] = useJsonList<readonly RequestSummary[]>(url, pickRequests, []);
  const [error, setError] = useState<string | null>(null);
  const pending = requests.filter((request) => request.state === 'pending');

  async function decide(request: RequestSummary, decision: 'approve' | 'decline') {
    const result = await sendJson<{ requests: RequestSummary[] }>('PATCH', `${url}/${encodeURIComponent(request.id)}`, { decision });
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setRequests(result.data.requests);
    announce(t('sharing.requests.decided'));
  }

  return (
    <section className="share-panel__part" aria-labelledby={`${id}-heading`} data-testid="request-list">
      <h3 id={`${id}-heading`}>{t('sharing.requests.heading')}</h3>
      {pending.length === 0 ? (
        <p>{t('sharing.requests.none')}</p>
      ) : (
        <ul className="share-panel__list">
          {pending.map((request) => (
            <li key={request.id}>
              <span>
                {t('sharing.requests.item', { name: request.name })}
                {request.message && <q className="share-panel__message">{request.message}</q>}
              </span>
              <span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('sharing.requests.approveLabel', { name: request.name })}
                  onClick={() => void decide(request, 'approve')}
                >
                  {t('sharing.requests.approve')}
                </button>{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('sharing.requests.declineLabel', { name: request.name })}
                  onClick={() => void decide(request, 'decline')}
                >
                  {t('sharing.requests.decline')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

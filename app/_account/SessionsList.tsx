'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { SessionInfo } from '../../lib/account/AccountSelfService';
import { formatDateTime } from '../../lib/i18n/format';
import { errorMessage } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/** "Hvor du er logget ind": the person's sessions, this one marked, each other one can be ended. */
export function SessionsList({ sessions }: { sessions: readonly SessionInfo[] }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const others = sessions.filter((session) => !session.current);

  async function run(request: () => Promise<{ ok: true; message: string } | { ok: false; code: string }>) {
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setDone(result.message);
    router.refresh();
  }

  const endOne = (session: SessionInfo) =>
    run(async () => {
      const result = await sendJson('DELETE', `/api/account/sessions/${encodeURIComponent(session.id)}`);
      return result.ok ? { ok: true, message: t('account.sessions.ended') } : result;
    });
  const endOthers = () =>
    run(async () => {
      const result = await sendJson<{ ended: number }>('DELETE', '/api/account/sessions');
      return result.ok ? { ok: true, message: t('account.sessions.endedOthers', { n: result.data.ended }) } : result;
    });

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="account-sessions">
      <h2 id={`${id}-heading`}>{t('account.sessions.heading')}</h2>
      <p>{t('account.sessions.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('account.sessions.device')}</th>
            <th scope="col">{t('account.sessions.signedIn')}</th>
            <th scope="col">{t('account.sessions.lastSeen')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('account.sessions.end')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const device = session.device ?? t('account.sessions.unknownDevice');
            const signedIn = formatDateTime(session.createdAt, locale);
            return (
              <tr key={session.id} data-session={session.id}>
                <th scope="row">
                  {device}
                  {session.current && <strong> ({t('account.sessions.current')})</strong>}
                </th>
                <td>{signedIn}</td>
                <td>{formatDateTime(session.lastSeenAt, locale)}</td>
                <td>
                  {!session.current && (
                    <button
                      className="button button--secondary"
                      type="button"
                      disabled={busy}
                      aria-label={t('account.sessions.endLabel', { device, at: signedIn })}
                      onClick={() => void endOne(session)}
                    >
                      {t('account.sessions.end')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {others.length === 0 && <p>{t('account.sessions.none')}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p role="status">{done}</p>
      {others.length > 0 && (
        <button className="button" type="button" disabled={busy} onClick={() => void endOthers()}>
          {t('account.sessions.endOthers')}
        </button>
      )}
    </section>
  );
}

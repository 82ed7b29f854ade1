'use client';
import { useId, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import type { FollowState } from '../../lib/notifications/NotificationService';
import { sendJson } from '../_components/postJson';

/** On the document page: whether the person follows the document (and so is told of it), and the button that changes it. */
export function FollowToggle({ documentId, initial }: { documentId: string; initial: FollowState }) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    const result = await sendJson<FollowState>(
      state.following ? 'DELETE' : 'PUT',
      `/api/documents/${encodeURIComponent(documentId)}/follow`,
    );
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setState(result.data);
  }

  return (
    <section className="card follow-toggle" aria-labelledby={`${id}-heading`} data-testid="follow-toggle">
      <h2 id={`${id}-heading`}>{t('notifications.follow.heading')}</h2>
      <p role="status" data-testid="follow-state">
        {state.following ? t('notifications.follow.following') : t('notifications.follow.notFollowing')}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button className="button button--small" type="button" onClick={() => void toggle()} disabled={busy}>
        {busy ? t('form.working') : state.following ? t('notifications.follow.unfollow') : t('notifications.follow.follow')}
      </button>
    </section>
  );
}

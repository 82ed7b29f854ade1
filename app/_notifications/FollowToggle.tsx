'use client';
import { useId, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import type { FollowState } from '../../lib/notifications/NotificationService';
import { sendJson } from '../_components/postJson';

/**
 * In the document page's top bar: "Følg", a toggle button (pressed while the person follows the
 * document, and so is told of it), described and, when it changes, announced in a full sentence.
 */
export function FollowToggle({ documentId, initial, className }: { documentId: string; initial: FollowState; className?: string }) {
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

  const sentence = state.following ? t('notifications.follow.following') : t('notifications.follow.notFollowing');
  return (
    <span className="follow-toggle" data-testid="follow-toggle">
      <button
        className={`button button--small button--secondary${className ? ` ${className}` : ''}`}
        type="button"
        aria-pressed={state.following}
        aria-describedby={`${id}-state`}
        onClick={() => void toggle()}
        disabled={busy}
      >
        <span aria-hidden="true">{state.following ? '✓ ' : ''}</span>
        {t('docbar.follow')}
      </button>
      <span className="visually-hidden" id={`${id}-state`} role="status" data-testid="follow-state">
        {sentence}
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

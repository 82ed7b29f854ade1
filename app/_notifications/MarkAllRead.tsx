'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/**
 * "Markér alle som læst": marks every notification read, then the page (and the header's count) is
 * rendered again. The outcome is said in a status message, which takes the focus from the button
 * that then disappears.
 */
export function MarkAllRead({ unread }: { unread: number }) {
  const t = useT();
  const router = useRouter();
  const status = useRef<HTMLParagraphElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  // Once the message is rendered: the button may be gone, so the focus goes to what it says.
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);

  async function markAll() {
    setBusy(true);
    const result = await sendJson<{ marked: number; unread: number }>('POST', '/api/notifications/read', { all: true });
    setBusy(false);
    setMessage(result.ok ? t('notifications.markedAllRead') : errorMessage(t, result.code));
    if (result.ok) router.refresh();
  }

  return (
    <div className="notifications__actions">
      {unread > 0 && (
        <button className="button button--small" type="button" onClick={() => void markAll()} disabled={busy} data-testid="mark-all-read">
          {busy ? t('form.working') : t('notifications.markAllRead')}
        </button>
      )}
      <p ref={status} role="status" tabIndex={-1} className="notifications__status">
        {message}
      </p>
    </div>
  );
}

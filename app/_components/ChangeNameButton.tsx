'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from './postJson';

/** Ends the session, so the start page asks for a name again. */
export function ChangeNameButton() {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="link-button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const result = await sendJson('DELETE', '/api/session');
        setBusy(false);
        if (result.ok) {
          router.push('/');
          router.refresh();
        }
      }}
    >
      {t('header.changeName')}
    </button>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from './postJson';

/** "Log ud": ends the session on the server (POST), then shows the start page signed out. */
export function SignOutButton() {
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
        const result = await sendJson('POST', '/api/account/sign-out');
        setBusy(false);
        if (result.ok) {
          router.push('/');
          router.refresh();
        }
      }}
    >
      {t('header.signOut')}
    </button>
  );
}

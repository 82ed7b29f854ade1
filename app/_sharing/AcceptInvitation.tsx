'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/** Accepts the invite for the signed-in person, then opens the document. */
export function AcceptInvitation({ token }: { token: string }) {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setBusy(true);
    const result = await sendJson<{ path: string }>('POST', `/api/invitations/${encodeURIComponent(token)}`);
    if (!result.ok) {
      setBusy(false);
      return setError(errorMessage(t, result.code));
    }
    router.push(result.data.path);
  }

  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button className="button" type="button" disabled={busy} onClick={() => void accept()}>
        {busy ? t('form.working') : t('invitation.accept')}
      </button>
    </>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson, type ApiResult } from '../_components/postJson';

/**
 * One admin section's requests: sends, shows the error sentence or announces success, and
 * reloads the server-rendered lists so what is shown is what is stored.
 */
export function useAdminAction() {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);

  async function run<T>(method: 'POST' | 'PATCH' | 'DELETE', url: string, body: unknown, done: (data: T) => string): Promise<ApiResult<T>> {
    setBusy(true);
    const result = await sendJson<T>(method, url, body);
    setBusy(false);
    if (!result.ok) {
      setError(errorMessage(t, result.code));
      setAnnouncement('');
      return result;
    }
    setError(null);
    setAnnouncement(done(result.data));
    router.refresh();
    return result;
  }

  return { run, error, setError, announcement, busy };
}

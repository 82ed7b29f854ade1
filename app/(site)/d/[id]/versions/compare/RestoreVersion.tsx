'use client';
import { useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { errorMessage } from '../../../../../../lib/i18n/t';
import { useT } from '../../../../../../lib/i18n/useT';
import { sendJson } from '../../../../../_components/postJson';

type Step = 'idle' | 'confirm' | 'busy' | 'done' | 'failed';

/**
 * "Gendan version n": asks first (the restore changes the draft for everyone who has it open), then
 * POSTs the restore route. The draft keeps its history: the restore is new edits on top.
 */
export function RestoreVersion({ documentId, number }: { documentId: string; number: number }) {
  const t = useT();
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState('');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
    if (step === 'done' || step === 'failed') statusRef.current?.focus();
  }, [step]);

  async function restore(): Promise<void> {
    setStep('busy');
    const result = await sendJson<{ restoredFrom: number }>('POST', `/api/documents/${documentId}/versions/${number}/restore`);
    if (result.ok) return setStep('done');
    setError(errorMessage(t, result.code));
    setStep('failed');
  }

  if (step === 'done')
    return (
      <p ref={statusRef} tabIndex={-1} role="status">
        {t('compare.restore.done', { n: number })} <Link href={`/d/${documentId}`}>{t('compare.back')}</Link>
      </p>
    );
  return (
    <div>
      {step === 'confirm' || step === 'busy' ? (
        <p>
          {t('compare.restore.confirm', { n: number })}{' '}
          <button ref={confirmRef} type="button" onClick={() => void restore()} disabled={step === 'busy'}>
            {t('compare.restore.yes', { n: number })}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')} disabled={step === 'busy'}>
            {t('compare.restore.no')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setStep('confirm')}>
          {t('compare.restore.button', { n: number })}
        </button>
      )}
      {step === 'failed' && (
        <p ref={statusRef} tabIndex={-1} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

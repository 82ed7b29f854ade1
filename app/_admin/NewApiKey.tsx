'use client';
import { useId, useState } from 'react';
import { useT } from '../../lib/i18n/useT';

/** A just-created key, shown this once: a warning, a read-only field to copy from and a copy button. */
export function NewApiKey({ name, rawKey, onDismiss }: { name: string; rawKey: string; onDismiss: () => void }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(rawKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="notice new-api-key" role="region" aria-labelledby={`${id}-heading`} data-testid="new-api-key">
      <h3 id={`${id}-heading`}>{t('admin.keys.newHeading')}</h3>
      <p>
        <strong>{t('admin.keys.warning')}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('admin.keys.rawLabel', { name })}</label>
        <input id={`${id}-key`} type="text" readOnly value={rawKey} onFocus={(event) => event.currentTarget.select()} spellCheck={false} />
      </div>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {t('admin.keys.copy')}
      </button>{' '}
      <button type="button" className="button button--small button--secondary" onClick={onDismiss}>
        {t('admin.keys.dismiss')}
      </button>
      <p role="status" className={copied === 'failed' ? 'field-error' : undefined}>
        {copied === 'yes' ? t('admin.keys.copied') : copied === 'failed' ? t('admin.keys.copyFailed') : ''}
      </p>
    </div>
  );
}

'use client';
import { useId, useRef, useState } from 'react';
import type { StaleText } from '../../lib/offline/localDocument';
import { useT } from '../../lib/i18n/useT';
import styles from './RescuedText.module.css';

/**
 * The person's text from a local copy whose history was reset on the server: not merged in, kept
 * (in the fresh local copy too, across reloads) until they have copied it and close the notice.
 */
export function RescuedText({ rescued, onDismiss }: { rescued: StaleText; onDismiss: () => void }) {
  const t = useT();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const nothingMissing = rescued.compared && rescued.text === '';

  async function copy() {
    try {
      await navigator.clipboard.writeText(rescued.text);
      setAnnouncement(t('localCopy.rescued.copied'));
    } catch {
      // No clipboard permission (or an old browser): select it for Ctrl+C.
      area.current?.focus();
      area.current?.select();
      setAnnouncement(t('localCopy.rescued.copyFailed'));
    }
  }

  return (
    <section className={`notice ${styles.rescued}`} aria-labelledby={`${id}-heading`} data-testid="rescued-text">
      <h2 id={`${id}-heading`} className={styles.heading}>
        {t('localCopy.rescued.heading')}
      </h2>
      {nothingMissing ? (
        <p role="alert">{t('localCopy.rescued.nothingMissing')}</p>
      ) : (
        <>
          <p role="alert">{t('localCopy.rescued.intro')}</p>
          {!rescued.compared && <p className="hint">{t('localCopy.rescued.uncompared')}</p>}
          <label className="field-label" htmlFor={`${id}-text`}>
            {t('localCopy.rescued.textLabel')}
          </label>
          <textarea
            ref={area}
            id={`${id}-text`}
            className={styles.text}
            readOnly
            rows={Math.min(12, Math.max(3, rescued.text.split('\n').length + 1))}
            value={rescued.text}
          />
        </>
      )}
      <p className={styles.actions}>
        {!nothingMissing && (
          <button type="button" className="button button--small" onClick={() => void copy()}>
            {t('localCopy.rescued.copy')}
          </button>
        )}
        <button type="button" className="button button--small button--secondary" onClick={onDismiss}>
          {t('localCopy.rescued.dismiss')}
        </button>
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

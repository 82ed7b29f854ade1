'use client';
/**
 * What the outbox holds for one document: how many actions are waiting to be sent (a polite live
 * region), and each action the server refused: what it was, why, and the person's own text to copy,
 * with "Fjern" to dismiss it. Nothing is dropped without the person seeing it.
 */
import { useId, useRef, useState } from 'react';
import type { OutboxEntry } from '../../lib/offline/OutboxEntry';
import type { Outbox } from '../../lib/offline/Outbox';
import { formatTime } from '../../lib/i18n/format';
import { useLocale, useT } from '../../lib/i18n/useT';
import { copyText } from './copyText';
import { kindLabel, lastErrorMessage, refusalMessage } from './refusalMessage';
import { useOutbox, useOutboxSnapshot } from './useOutbox';

export interface OutboxPanelProps {
  /** Whose outbox (see CollaborativeEditorProps.personKey); null shows nothing. */
  readonly personKey: string | null;
  readonly documentId: string;
  /** Level of the panel's heading (the refused list's heading is one below). Default 2. */
  readonly headingLevel?: 2 | 3 | 4;
}

export function OutboxPanel({ personKey, documentId, headingLevel = 2 }: OutboxPanelProps) {
  const outbox = useOutbox(personKey);
  return <OutboxView outbox={outbox} documentId={documentId} headingLevel={headingLevel} />;
}

/** The panel over a given Outbox (OutboxPanel opens the person's shared one). */
export function OutboxView({
  outbox,
  documentId,
  headingLevel = 2,
}: {
  outbox: Outbox | null;
  documentId: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const { entries, sendingId } = useOutboxSnapshot(outbox);
  const [announcement, setAnnouncement] = useState('');
  const refusedHeading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);

  const mine = entries.filter((entry) => entry.documentId === documentId);
  const pending = mine.filter((entry) => entry.state === 'pending');
  const refused = mine.filter((entry) => entry.state === 'refused');
  const head = pending[0];
  const retryAt = head && head.nextAttemptAt !== undefined && head.id !== sendingId ? head.nextAttemptAt : null;
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5';

  const pendingText =
    pending.length === 0 ? '' : pending.length === 1 ? t('outbox.pending.one') : t('outbox.pending.other', { n: pending.length });
  const refusedText =
    refused.length === 0
      ? ''
      : refused.length === 1
        ? t('outbox.refused.alert.one')
        : t('outbox.refused.alert.other', { n: refused.length });

  async function act(work: () => Promise<void>, done: string, focusAfter: 'refused' | 'panel') {
    try {
      await work();
      setAnnouncement(done);
      // The button that had focus is gone: keep the keyboard user in the panel.
      (focusAfter === 'refused' && refusedHeading.current ? refusedHeading.current : panel.current)?.focus();
    } catch {
      setAnnouncement(t('outbox.actionFailed'));
    }
  }

  return (
    <section
      className="outbox"
      ref={panel}
      tabIndex={-1}
      aria-labelledby={mine.length > 0 ? `${id}-heading` : undefined}
      data-testid="outbox"
    >
      {mine.length > 0 && (
        <Heading id={`${id}-heading`} className="outbox__heading">
          {t('outbox.heading')}
        </Heading>
      )}
      {/* Live regions stay in the page, so that changes in them are announced. */}
      <p role="status" className={pending.length > 0 ? 'outbox__pending' : 'visually-hidden'} data-testid="outbox-pending">
        {pendingText}
      </p>
      {retryAt !== null && <p className="hint">{t('outbox.retryAt', { time: formatTime(retryAt, locale) })}</p>}
      <p role="alert" className={refused.length > 0 ? 'outbox__alert' : 'visually-hidden'}>
        {refusedText}
      </p>

      {pending.length > 0 && outbox && (
        <details className="outbox__waiting">
          <summary>{t('outbox.pending.show')}</summary>
          <ul className="outbox__list">
            {pending.map((entry) => (
              <li key={entry.id} className="outbox__item">
                <p id={`${id}-${entry.id}-label`} className="outbox__what">
                  <strong>{kindLabel(t, entry)}:</strong> {entry.label}
                </p>
                {lastErrorMessage(t, entry) && <p className="hint">{lastErrorMessage(t, entry)}</p>}
                {entry.id !== sendingId && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-describedby={`${id}-${entry.id}-label`}
                    onClick={() => act(() => outbox.cancel(entry.id), t('outbox.cancelled'), 'panel')}
                  >
                    {t('outbox.cancel')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => act(() => outbox.retryNow(), '', 'panel')}
          >
            {t('outbox.retryNow')}
          </button>
        </details>
      )}

      {refused.length > 0 && outbox && (
        <section className="outbox__refused" aria-labelledby={`${id}-refused`}>
          <SubHeading id={`${id}-refused`} ref={refusedHeading} tabIndex={-1}>
            {t('outbox.refused.heading')}
          </SubHeading>
          <ul className="outbox__list">
            {refused.map((entry) => (
              <RefusedItem
                key={entry.id}
                entry={entry}
                onCopied={setAnnouncement}
                onDismiss={() => act(() => outbox.dismiss(entry.id), t('outbox.dismissed'), refused.length > 1 ? 'refused' : 'panel')}
              />
            ))}
          </ul>
        </section>
      )}

      <p className="visually-hidden" role="status" data-testid="outbox-announcement">
        {announcement}
      </p>
    </section>
  );
}

function RefusedItem({ entry, onCopied, onDismiss }: { entry: OutboxEntry; onCopied: (message: string) => void; onDismiss: () => void }) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const why = entry.refusal ? refusalMessage(t, entry.refusal) : t('outbox.refused.generic', { status: 0 });
  return (
    <li className="outbox__item outbox__item--refused notice" data-testid="outbox-refused">
      <p id={`${id}-what`} className="outbox__what">
        <strong>{kindLabel(t, entry)}:</strong> {entry.label}
      </p>
      <p className="outbox__why">
        <strong>{t('outbox.refused.why')}:</strong> {why}
      </p>
      {entry.text !== '' ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('outbox.refused.text')}</label>
          <textarea
            id={`${id}-text`}
            ref={field}
            readOnly
            value={entry.text}
            rows={Math.min(8, Math.max(2, entry.text.split('\n').length))}
            className="outbox__text"
          />
        </div>
      ) : (
        <p className="hint">{t('outbox.refused.noText')}</p>
      )}
      <div className="outbox__actions">
        {entry.text !== '' && (
          <button
            type="button"
            className="button button--small"
            aria-describedby={`${id}-what`}
            onClick={async () => {
              const how = await copyText(entry.text, field.current);
              onCopied(how === 'copied' ? t('outbox.copied') : t('outbox.copyManual'));
            }}
          >
            {t('outbox.copy')}
          </button>
        )}
        <button type="button" className="button button--secondary button--small" aria-describedby={`${id}-what`} onClick={onDismiss}>
          {t('outbox.dismiss')}
        </button>
      </div>
    </li>
  );
}

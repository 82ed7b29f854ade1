'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../lib/i18n/format';
import { errorMessage } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import { TITLE_MAX_LENGTH, renameDocumentSchema, firstIssueCode } from '../_shared/schemas';
import type { StartDocument } from '../_shared/StartDocument';
import { formatDate } from '../../lib/i18n/formatDate';
import { sendJson } from '../_components/postJson';
import { OfflineToggle } from './OfflineToggle';
import { consultationDeadlineText } from '../_consultation/consultationDeadlineText';
import type { OfflineShelf } from './useOfflineShelf';

/** One document on the start page, with an inline rename form and (where the browser can) "Gem til offline brug". */
export function DocumentListItem({ document, offline }: { document: StartDocument; offline: OfflineShelf }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const openButton = useRef<HTMLButtonElement>(null);
  const deadline = consultationDeadlineText({ state: document.state, ...document.consultation }, new Date(), t, locale);

  function close() {
    setRenaming(false);
    setError(null);
    // Give focus back to the button that opened the form.
    requestAnimationFrame(() => openButton.current?.focus());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = renameDocumentSchema.safeParse({ title: new FormData(event.currentTarget).get('title') });
    if (!parsed.success) {
      setError(errorMessage(t, firstIssueCode(parsed.error)));
      return;
    }
    setBusy(true);
    const result = await sendJson('PATCH', `/api/documents/${encodeURIComponent(document.id)}`, parsed.data);
    setBusy(false);
    if (!result.ok) {
      setError(errorMessage(t, result.code));
      return;
    }
    setAnnouncement(t('rename.done', { title: parsed.data.title }));
    close();
    router.refresh();
  }

  return (
    <li className="card doc-item">
      <div className="doc-item__main">
        <h2 className="doc-item__title">
          <Link href={`/d/${document.id}`}>{document.title}</Link>
        </h2>
        <p className="doc-item__status" data-testid="doc-status">
          <span className={`badge phase-badge phase-badge--${document.state}`}>
            <span className="visually-hidden">{t('consultation.phase.label')}: </span>
            {t(`consultation.phase.${document.state}`)}
          </span>
          {deadline && (
            <>
              {' '}
              <span data-testid="doc-consultation">{deadline}</span>
            </>
          )}
          {document.latestVersion && (
            <>
              {' '}
              <span data-testid="doc-latest-version">
                {t(`versions.latest.${document.latestVersion.kind}`, {
                  n: document.latestVersion.number,
                  date: formatDate(document.latestVersion.publishedAt, locale),
                })}
              </span>
            </>
          )}
        </p>
        <p className="doc-item__meta">
          {t('start.created', { date: formatDateTime(document.createdAt, locale), name: document.createdByName })}
          <br />
          {t('start.updated', { date: formatDateTime(document.updatedAt, locale) })}
        </p>
      </div>
      {!renaming && document.canEdit && (
        <button
          ref={openButton}
          type="button"
          className="button button--secondary button--small"
          aria-label={t('rename.openLabel', { title: document.title })}
          onClick={() => setRenaming(true)}
        >
          {t('rename.open')}
        </button>
      )}
      {renaming && (
        <form
          className="rename-form"
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
          noValidate
        >
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('rename.label')}</label>
            <input
              id={`${id}-title`}
              name="title"
              type="text"
              defaultValue={document.title}
              required
              maxLength={TITLE_MAX_LENGTH}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              autoFocus
            />
          </div>
          <button className="button button--small" type="submit" disabled={busy}>
            {busy ? t('form.working') : t('rename.save')}
          </button>
          <button className="button button--secondary button--small" type="button" onClick={close}>
            {t('rename.cancel')}
          </button>
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      {offline.ready && (
        <OfflineToggle
          title={document.title}
          item={offline.item(document.id)}
          onKeep={() => offline.keep(document.id, document.title)}
          onRemove={() => offline.remove(document.id)}
        />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </li>
  );
}

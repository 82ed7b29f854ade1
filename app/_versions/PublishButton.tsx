'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Visibility } from '../../lib/access/model';
import { TITLE_MAX_LENGTH } from '../../lib/documents/titleSchema';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { VERSION_SUMMARY_MAX } from '../../lib/versions/model';
import { checkPublishForm, newIdempotencyKey, publishVersion } from './publishForm';
import { publishDialogOpen } from './publishDialogOpen';
import styles from './PublishDialog.module.css';
import { versionPagePath, type VersionItem } from './versionList';

export interface PublishButtonProps {
  readonly documentId: string;
  /** The document's title now (the title field starts with it). */
  readonly title: string;
  readonly visibility: Visibility;
  /** The number the new version will get; null when the versions are not known. */
  readonly nextNumber: number | null;
  /** The newest published version's number; null before the first (then "Hvad er ændret" is optional). */
  readonly lastPublished: number | null;
}

type Phase =
  | { readonly kind: 'editing'; readonly error: { field: 'summary' | 'title' | 'form'; message: string } | null }
  | { readonly kind: 'sending' }
  | { readonly kind: 'done'; readonly version: VersionItem };

/**
 * "Udgiv…": a modal dialog (native <dialog>, showModal) that says what publishing does, asks
 * "Hvad er ændret" (required once a version was published before) and the title, and POSTs the
 * version with an Idempotency-Key made once per opening: double clicks, retries after an error and
 * a resent request all make one version. Escape cancels; focus goes into the form and back to the
 * button afterwards.
 */
export function PublishButton({ documentId, title, visibility, nextNumber, lastPublished }: PublishButtonProps) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const summaryField = useRef<HTMLTextAreaElement>(null);
  const titleField = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const key = useRef<string>('');
  // A second click lands before React re-renders: the guard must not wait for state.
  const inFlight = useRef(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing', error: null });
  const [opening, setOpening] = useState(0);
  const summaryRequired = lastPublished !== null;
  useEffect(() => () => publishDialogOpen.set(false), []);

  function open() {
    key.current = newIdempotencyKey();
    // Rendered fresh before it opens: the dialog is announced with its description and empty fields.
    flushSync(() => {
      setPhase({ kind: 'editing', error: null });
      setOpening((n) => n + 1);
    });
    publishDialogOpen.set(true);
    dialog.current?.showModal();
    summaryField.current?.focus();
  }

  function closed() {
    const published = phase.kind === 'done';
    setPhase({ kind: 'editing', error: null });
    publishDialogOpen.set(false);
    opener.current?.focus();
    // The page (phase, versions, who may edit) changed with the publication.
    if (published) router.refresh();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const form = new FormData(event.currentTarget);
    const checked = checkPublishForm(
      { summary: String(form.get('summary') ?? ''), title: String(form.get('title') ?? '') },
      { summaryRequired, currentTitle: title },
    );
    if (!checked.ok) {
      const message =
        checked.code === 'summary_required'
          ? t('publish.summary.required')
          : checked.code === 'summary_too_long'
            ? t('publish.summary.tooLong', { max: VERSION_SUMMARY_MAX })
            : // The title's codes are the rename form's (error.title_*).
              errorMessage(t, checked.code);
      setPhase({ kind: 'editing', error: { field: checked.field, message } });
      (checked.field === 'summary' ? summaryField : titleField).current?.focus();
      return;
    }
    setPhase({ kind: 'sending' });
    inFlight.current = true;
    const result = await publishVersion(documentId, checked.body, key.current).finally(() => (inFlight.current = false));
    if (result.ok) {
      flushSync(() => setPhase({ kind: 'done', version: result.version }));
      closeButton.current?.focus();
      return;
    }
    const message =
      result.code === 'nothing_changed'
        ? t('publish.error.nothing_changed')
        : result.code === 'unavailable'
          ? t('publish.error.unavailable')
          : errorMessage(t, result.code);
    setPhase({ kind: 'editing', error: { field: 'form', message } });
  }

  const audience = t(`publish.audience.${visibility}`);
  const error = phase.kind === 'editing' ? phase.error : null;
  const sending = phase.kind === 'sending';
  return (
    <>
      <button ref={opener} type="button" className="button button--small" onClick={open} data-testid="publish-open">
        {t('publish.open')}
      </button>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
        onClose={closed}
        // The answer is on its way: the dialog stays until it says what happened.
        onCancel={(event) => {
          if (inFlight.current) event.preventDefault();
        }}
        data-testid="publish-dialog"
      >
        {phase.kind === 'done' ? (
          <div role="status">
            <h2 id={`${id}-title`} className={styles.title}>
              {t('publish.done', { n: phase.version.number })}
            </h2>
            <p id={`${id}-what`}>
              <a href={versionPagePath(documentId, phase.version.number)}>{t('publish.done.link', { n: phase.version.number })}</a>
            </p>
            <p className={styles.actions}>
              <button ref={closeButton} type="button" className="button button--small" onClick={() => dialog.current?.close()}>
                {t('publish.close')}
              </button>
            </p>
          </div>
        ) : (
          <form key={opening} onSubmit={(event) => void submit(event)} noValidate>
            <h2 id={`${id}-title`} className={styles.title}>
              {t('publish.heading')}
            </h2>
            <div id={`${id}-what`}>
              <p>{nextNumber === null ? t('publish.what.next', { audience }) : t('publish.what', { n: nextNumber, audience })}</p>
              <p>{t('publish.locked')}</p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-summary`}>{t('publish.summary')}</label>
              <p className="hint" id={`${id}-summary-hint`}>
                {lastPublished !== null ? t('publish.summary.laterHint', { n: lastPublished }) : t('publish.summary.firstHint')}
              </p>
              <textarea
                ref={summaryField}
                id={`${id}-summary`}
                name="summary"
                className={styles.summary}
                maxLength={VERSION_SUMMARY_MAX}
                required={summaryRequired}
                aria-required={summaryRequired}
                aria-invalid={error?.field === 'summary' ? true : undefined}
                aria-describedby={`${id}-summary-hint${error?.field === 'summary' ? ` ${id}-error` : ''}`}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('publish.title')}</label>
              <input
                ref={titleField}
                id={`${id}-name`}
                name="title"
                type="text"
                defaultValue={title}
                required
                maxLength={TITLE_MAX_LENGTH}
                aria-invalid={error?.field === 'title' ? true : undefined}
                aria-describedby={error?.field === 'title' ? `${id}-error` : undefined}
              />
            </div>
            {error && (
              <p className="field-error" id={`${id}-error`} role="alert">
                {error.message}
              </p>
            )}
            <p className={styles.actions}>
              <button type="button" className="button button--small button--secondary" onClick={() => dialog.current?.close()}>
                {t('publish.cancel')}
              </button>
              {/* aria-disabled, not disabled: a disabled button would drop the focus out of the dialog. */}
              <button type="submit" className="button button--small" aria-disabled={sending}>
                {sending ? t('publish.sending') : t('publish.submit')}
              </button>
            </p>
          </form>
        )}
      </dialog>
    </>
  );
}

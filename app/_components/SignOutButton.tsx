'use client';
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { clearLocalData } from '../../lib/offline/clearLocalData';
import { useT } from '../../lib/i18n/useT';
import { leaveOnPurpose } from '../_shared/leaveOnPurpose';
import { sendJson } from './postJson';
import styles from './SignOutButton.module.css';
import { unsavedWork, type UnsavedWork } from './unsavedWork';

/**
 * "Log ud": first asks, in a dialog, when this browser holds changes the server does not have yet
 * (document edits, outbox entries), since signing out deletes them; then ends the session on the
 * server, deletes the person's local data (clearLocalData: copies, outbox, caches; on shared
 * computers nothing of theirs stays behind), and loads the start page afresh (no document text left
 * in memory). Nothing is deleted when the server could not sign out: the person is still signed in.
 * (A session that merely expired deletes nothing: only signing out does.)
 */
export function SignOutButton({ personKey }: { personKey: string }) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [work, setWork] = useState<UnsavedWork | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    const found = await unsavedWork(personKey);
    if (found.changes + found.outbox === 0) return signOut();
    // Rendered before it opens: opening announces the dialog with its description, which must
    // already say how many changes would be lost (after an await, React would render later).
    flushSync(() => {
      setWork(found);
      setBusy(false);
    });
    dialog.current?.showModal();
  }

  async function signOut() {
    setBusy(true);
    const result = await sendJson('POST', '/api/account/sign-out');
    if (!result.ok) {
      setBusy(false);
      setError(t('signOut.failed'));
      return;
    }
    dialog.current?.close();
    try {
      await clearLocalData(personKey);
    } catch (failure) {
      // Signed out on the server either way; what could not be deleted now is deleted by the browser later.
      console.warn('Samskriv: some local data could not be deleted', failure);
    }
    leaveOnPurpose();
    window.location.assign('/');
  }

  return (
    <>
      <button type="button" className="link-button" disabled={busy} onClick={() => void start()}>
        {t('header.signOut')}
      </button>
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onClose={() => setBusy(false)}
        data-testid="sign-out-dialog"
      >
        <h2 id={`${id}-title`} className={styles.title}>
          {t('signOut.pendingTitle')}
        </h2>
        <div id={`${id}-body`}>
          {work && work.changes > 0 && (
            <p>{work.changes === 1 ? t('signOut.pending.one') : t('signOut.pending.other', { n: work.changes })}</p>
          )}
          {work && work.outbox > 0 && <p>{work.outbox === 1 ? t('signOut.outbox.one') : t('signOut.outbox.other', { n: work.outbox })}</p>}
          <p>{t('signOut.pendingWarning')}</p>
        </div>
        <p className={styles.actions}>
          {/* The safe choice gets the focus when the dialog opens. */}
          <button type="button" className="button button--small button--secondary" autoFocus onClick={() => dialog.current?.close()}>
            {t('signOut.cancel')}
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={() => void signOut()}>
            {t('signOut.confirmYes')}
          </button>
        </p>
      </dialog>
    </>
  );
}

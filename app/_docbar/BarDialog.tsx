'use client';
import { createContext, useCallback, useContext, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../lib/i18n/useT';
import styles from './DocumentBar.module.css';

interface BarDialogControls {
  /** Closes the dialog (the focus goes back to its button) and says `message` beside the button. */
  readonly close: (message?: string) => void;
}

const BarDialogContext = createContext<BarDialogControls>({ close: () => undefined });

/** For what a bar dialog holds: closes it, with something to say once it is closed. */
export const useBarDialog = (): BarDialogControls => useContext(BarDialogContext);

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
}

export interface BarDialogProps {
  /** The button's text (and name). */
  readonly label: string;
  /** The dialog's heading (and name). */
  readonly title: string;
  readonly children: ReactNode;
  /** The main action of the bar ("Del"): a filled button. */
  readonly primary?: boolean;
  readonly testId?: string;
}

/**
 * A button in the document's top bar that opens a modal dialog (native <dialog>, showModal): named
 * by its heading, the focus moves to its first field and stays inside it (Tab and Shift+Tab go
 * round), Escape, "Luk" and "Færdig" close it, and the focus goes back to the button. What the
 * dialog says as it closes is announced beside the button (the dialog itself is gone by then).
 * Without JavaScript the button does nothing: what the dialogs hold needs it (as it always did).
 */
export function BarDialog({ label, title, children, primary = false, testId }: BarDialogProps) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState('');

  function open() {
    setMessage('');
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    const first = body.current ? focusables(body.current)[0] : undefined;
    first?.focus();
  }

  const close = useCallback((said?: string) => {
    if (said) setMessage(said);
    dialog.current?.close();
  }, []);
  const controls = useMemo(() => ({ close }), [close]);

  function trap(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab' || !dialog.current) return;
    const all = focusables(dialog.current);
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.current.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.current.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        className={`button button--small${primary ? '' : ' button--secondary'}`}
        aria-haspopup="dialog"
        onClick={open}
        data-testid={testId ? `${testId}-open` : undefined}
      >
        {label}
      </button>
      <span className="visually-hidden" role="status">
        {message}
      </span>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby={`${id}-title`}
        onKeyDown={trap}
        onClose={() => opener.current?.focus()}
        data-testid={testId}
      >
        <div className={styles.dialogHead}>
          <h2 id={`${id}-title`} className={styles.dialogTitle}>
            {title}
          </h2>
          <button type="button" className="button button--small button--secondary" onClick={() => close()}>
            {t('docbar.close')}
          </button>
        </div>
        <div ref={body} className={styles.dialogBody}>
          <BarDialogContext.Provider value={controls}>{children}</BarDialogContext.Provider>
        </div>
        <p className={styles.dialogFoot}>
          <button type="button" className="button button--small" onClick={() => close()}>
            {t('docbar.done')}
          </button>
        </p>
      </dialog>
    </>
  );
}

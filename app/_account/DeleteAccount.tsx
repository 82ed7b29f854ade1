'use client';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { DeletionPlan, DocumentDisposal } from '../../lib/account/AccountSelfService';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/**
 * "Slet din konto" (and the admin's "Slet konto" for someone): says what stays and what goes, then a
 * modal dialog (native <dialog>) lists the documents only the person owns with a choice for each
 * (hand over to the named admin, or delete) and asks for the password before the DELETE. The modal
 * dialog takes the focus (its first control) and gives it back to the opener when it closes.
 */
export function DeleteAccount({
  plan,
  endpoint = '/api/account',
  afterDelete = '/konto/slettet',
  asAdmin = false,
}: {
  plan: DeletionPlan;
  endpoint?: string;
  afterDelete?: string;
  asAdmin?: boolean;
}) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsPassword = asAdmin || plan.hasPassword;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const each: Record<string, DocumentDisposal> = {};
    for (const document of plan.soleDocuments) each[document.id] = data.get(`doc-${document.id}`) === 'delete' ? 'delete' : 'hand_over';
    setBusy(true);
    const result = await sendJson('DELETE', endpoint, {
      ...(needsPassword && { password: String(data.get('password') ?? '') }),
      documents: { each },
    });
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    window.location.assign(afterDelete);
  }

  const heading = asAdmin ? t('admin.person.deleteHeading', { name: plan.person.name }) : t('account.delete.confirmHeading');
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="account-delete">
      <h2 id={`${id}-heading`}>{asAdmin ? t('admin.person.delete') : t('account.delete.heading')}</h2>
      <p>{t('account.delete.intro')}</p>
      {plan.lastAdmin ? (
        <p role="note">{t('account.delete.lastAdmin')}</p>
      ) : (
        <button
          ref={opener}
          type="button"
          className="button button--danger"
          onClick={() => {
            setError(null);
            dialog.current?.showModal();
          }}
          data-testid="account-delete-open"
        >
          {asAdmin ? t('admin.person.delete') : t('account.delete.start')}
        </button>
      )}
      <dialog ref={dialog} aria-labelledby={`${id}-title`} onClose={() => opener.current?.focus()} data-testid="account-delete-dialog">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id={`${id}-title`}>{heading}</h2>
          <h3>{t('account.delete.documents')}</h3>
          {plan.soleDocuments.length === 0 ? (
            <p>{t('account.delete.documentsNone')}</p>
          ) : (
            <>
              <p>{plan.heir ? t('account.delete.heir', { name: plan.heir.name }) : t('account.delete.noHeir')}</p>
              {plan.soleDocuments.map((document) => (
                <fieldset key={document.id}>
                  <legend>{document.title}</legend>
                  <label className="choice">
                    <input
                      type="radio"
                      name={`doc-${document.id}`}
                      value="hand_over"
                      defaultChecked={plan.heir !== null}
                      disabled={!plan.heir}
                    />
                    <span className="choice__label">{t('account.delete.handOver')}</span>
                  </label>
                  <label className="choice">
                    <input type="radio" name={`doc-${document.id}`} value="delete" defaultChecked={plan.heir === null} />
                    <span className="choice__label">{t('account.delete.withdraw')}</span>
                  </label>
                </fieldset>
              ))}
            </>
          )}
          {needsPassword ? (
            <div className="field">
              <label htmlFor={`${id}-password`}>{asAdmin ? t('admin.person.deletePassword') : t('account.delete.password')}</label>
              <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
            </div>
          ) : (
            <p>{t('account.delete.noPassword')}</p>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <p>
            <button className="button button--danger" type="submit" disabled={busy} data-testid="account-delete-confirm">
              {busy ? t('form.working') : t('account.delete.submit')}
            </button>{' '}
            <button className="button button--secondary" type="button" onClick={() => dialog.current?.close()}>
              {t('account.delete.cancel')}
            </button>
          </p>
        </form>
      </dialog>
    </section>
  );
}

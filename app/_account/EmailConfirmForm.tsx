'use client';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';

/** The confirm button of /konto/e-mail: the POST that changes the address. */
export function EmailConfirmForm({ token, email }: { token: string; email: string }) {
  const t = useT();
  const [state, setState] = useState<{ kind: 'ready' | 'busy' } | { kind: 'done'; email: string } | { kind: 'error'; message: string }>({
    kind: 'ready',
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ kind: 'busy' });
    const result = await sendJson<{ email: string }>('POST', '/api/account/email/confirm', { token });
    setState(result.ok ? { kind: 'done', email: result.data.email } : { kind: 'error', message: errorMessage(t, result.code) });
  }

  if (state.kind === 'done') return <p role="status">{t('account.emailConfirm.done', { email: state.email })}</p>;
  return (
    <form onSubmit={(event) => void submit(event)}>
      <p>{t('account.emailConfirm.intro', { email })}</p>
      {state.kind === 'error' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      <button className="button" type="submit" disabled={state.kind === 'busy'} data-testid="email-confirm">
        {t('account.emailConfirm.submit')}
      </button>
    </form>
  );
}

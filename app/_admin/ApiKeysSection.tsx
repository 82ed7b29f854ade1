'use client';
import { useId, useState, type FormEvent } from 'react';
import { API_KEY_SCOPES, type ApiKeyScope } from '../../lib/apiKeys/ApiKeyStore';
import { createApiKeySchema } from '../../lib/platformApi/schemas';
import { errorMessage } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import { formatDate } from '../../lib/i18n/formatDate';
import type { AdminApiKey } from '../_shared/AdminViews';
import { firstIssueCode } from '../_shared/schemas';
import { NewApiKey } from './NewApiKey';
import { useAdminAction } from './useAdminAction';

export const SCOPE_LABELS = {
  'documents:read': 'admin.keys.scope.documents:read',
  'documents:write': 'admin.keys.scope.documents:write',
  'access:write': 'admin.keys.scope.access:write',
  'tokens:mint': 'admin.keys.scope.tokens:mint',
} as const satisfies Record<ApiKeyScope, string>;

/** API keys for other platforms: create (the raw key is shown once), list, revoke after confirming. */
export function ApiKeysSection({ apiKeys }: { apiKeys: readonly AdminApiKey[] }) {
  const t = useT();
  const id = useId();
  const action = useAdminAction();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const scopes = data.getAll('scopes').map(String);
    if (scopes.length === 0) return action.setError(errorMessage(t, 'scopes_required'));
    const input = { name: String(data.get('name') ?? ''), scopes };
    const parsed = createApiKeySchema.safeParse(input);
    if (!parsed.success) return action.setError(errorMessage(t, firstIssueCode(parsed.error)));
    const result = await action.run<{ key: string; apiKey: AdminApiKey }>('POST', '/api/admin/api-keys', parsed.data, (answer) =>
      t('admin.keys.created', { name: answer.apiKey.name }),
    );
    if (result.ok) {
      setCreated({ name: result.data.apiKey.name, key: result.data.key });
      form.reset();
    }
  }

  return (
    <section className="card admin-section" aria-labelledby={`${id}-heading`} data-testid="admin-api-keys">
      <h2 id={`${id}-heading`}>{t('admin.keys.heading')}</h2>
      <p>{t('admin.keys.intro')}</p>
      {created && <NewApiKey name={created.name} rawKey={created.key} onDismiss={() => setCreated(null)} />}
      {apiKeys.length === 0 ? (
        <p>{t('admin.keys.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.keys.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.people.name')}</th>
                <th scope="col">{t('admin.keys.prefix')}</th>
                <th scope="col">{t('admin.keys.scopes')}</th>
                <th scope="col">{t('admin.keys.createdAt')}</th>
                <th scope="col">{t('admin.keys.status')}</th>
              </tr>
            </thead>
            <tbody>
              {apiKeys.map((apiKey) => (
                <ApiKeyRow key={apiKey.id} apiKey={apiKey} action={action} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={create} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.keys.name')}</label>
          <input id={`${id}-name`} name="name" type="text" maxLength={120} required />
        </div>
        <fieldset>
          <legend>{t('admin.keys.scopes')}</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label className="choice" key={scope}>
              <input type="checkbox" name="scopes" value={scope} defaultChecked />
              <span className="choice__label">{t(SCOPE_LABELS[scope])}</span>
            </label>
          ))}
        </fieldset>
        <button className="button" type="submit" disabled={action.busy}>
          {t('admin.keys.create')}
        </button>
      </form>
      {action.error && (
        <p className="field-error" role="alert">
          {action.error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {action.announcement}
      </p>
    </section>
  );
}

function ApiKeyRow({ apiKey, action }: { apiKey: AdminApiKey; action: ReturnType<typeof useAdminAction> }) {
  const t = useT();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const revoke = async () => {
    const result = await action.run('DELETE', `/api/admin/api-keys/${encodeURIComponent(apiKey.id)}`, undefined, () =>
      t('admin.keys.revokedDone', { name: apiKey.name }),
    );
    if (result.ok) setConfirming(false);
  };
  return (
    <tr data-testid={`api-key-${apiKey.id}`}>
      <th scope="row">{apiKey.name}</th>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{apiKey.scopes.join(', ')}</td>
      <td>
        <time dateTime={apiKey.createdAt}>{formatDate(apiKey.createdAt, locale)}</time>
      </td>
      <td>
        {apiKey.revokedAt ? (
          t('admin.keys.revoked')
        ) : confirming ? (
          <div role="group" aria-label={t('admin.keys.revokeOf', { name: apiKey.name })}>
            <p>{t('admin.keys.confirm', { name: apiKey.name })}</p>
            <button type="button" className="button button--small" disabled={action.busy} onClick={() => void revoke()}>
              {t('admin.keys.confirmYes', { name: apiKey.name })}
            </button>{' '}
            <button type="button" className="button button--small button--secondary" onClick={() => setConfirming(false)}>
              {t('admin.keys.cancel')}
            </button>
          </div>
        ) : (
          <>
            {t('admin.keys.active')}{' '}
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t('admin.keys.revokeOf', { name: apiKey.name })}
              onClick={() => setConfirming(true)}
            >
              {t('admin.keys.revoke')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

'use client';
import { useId, useState, type FormEvent } from 'react';
import type { Visibility } from '../../lib/access/model';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { GRANTABLE_ROLES } from '../_shared/schemas';
import { ROLE_LABELS, roleLabel } from './roleLabels';
import { VisibilityForm } from './VisibilityForm';
import { useJsonList } from './useJsonList';

interface OrganisationGrant {
  readonly organisationId: string;
  readonly name: string;
  readonly role: string;
}

interface AccessOverview {
  readonly grants: readonly OrganisationGrant[];
  readonly choices: readonly { id: string; name: string }[];
  readonly visibility: Visibility;
  readonly hasWorkspace: boolean;
}

const pickOverview = (body: unknown) => body as AccessOverview;

/** Visibility, and roles for organisations (every member holds them). */
export function OrganisationAccess({ documentId, announce }: { documentId: string; announce: (text: string) => void }) {
  const t = useT();
  const id = useId();
  const url = `/api/documents/${encodeURIComponent(documentId)}/access/organisations`;
  const [overview, setOverview] = useJsonList<AccessOverview | null>(url, pickOverview, null);
  const [error, setError] = useState<string | null>(null);

  if (!overview) return null;

  async function grant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const organisationId = String(data.get('organisationId') ?? '');
    const result = await sendJson<{ grants: OrganisationGrant[] }>('POST', url, { organisationId, role: data.get('role') });
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    if (overview) setOverview({ ...overview, grants: result.data.grants });
    const name = overview?.choices.find((choice) => choice.id === organisationId)?.name ?? '';
    announce(t('sharing.organisations.granted', { name }));
  }

  async function revoke(organisation: OrganisationGrant) {
    const result = await sendJson<{ grants: OrganisationGrant[] }>('DELETE', url, { organisationId: organisation.organisationId });
    if (!result.ok) return setError(errorMessage(t, result.code));
    if (overview) setOverview({ ...overview, grants: result.data.grants });
    announce(t('share.revoked', { name: organisation.name }));
  }

  return (
    <>
      <VisibilityForm documentId={documentId} visibility={overview.visibility} hasWorkspace={overview.hasWorkspace} />
      <section className="share-panel__part" aria-labelledby={`${id}-heading`} data-testid="organisation-access">
        <h3 id={`${id}-heading`}>{t('sharing.organisations.heading')}</h3>
        <ul className="share-panel__list">
          {overview.grants.map((organisation) => (
            <li key={organisation.organisationId}>
              <span>{t('sharing.organisations.item', { name: organisation.name, role: t(roleLabel(organisation.role)) })}</span>
              <button
                type="button"
                className="link-button"
                aria-label={t('sharing.organisations.revokeLabel', { name: organisation.name })}
                onClick={() => void revoke(organisation)}
              >
                {t('share.revoke')}
              </button>
            </li>
          ))}
        </ul>
        {overview.choices.length > 0 && (
          <form onSubmit={grant} noValidate>
            <div className="field">
              <label htmlFor={`${id}-organisation`}>{t('sharing.organisations.choose')}</label>
              <select id={`${id}-organisation`} name="organisationId">
                {overview.choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-role`}>{t('sharing.organisations.role')}</label>
              <select id={`${id}-role`} name="role" defaultValue="editor">
                {GRANTABLE_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(ROLE_LABELS[role])}
                  </option>
                ))}
              </select>
            </div>
            <button className="button button--small" type="submit">
              {t('sharing.organisations.submit')}
            </button>
          </form>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
    </>
  );
}

'use client';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { GRANTABLE_ROLES, firstIssueCode, grantAccessSchema } from '../_shared/schemas';
import { InvitePanel } from '../_sharing/InvitePanel';
import { OrganisationAccess } from '../_sharing/OrganisationAccess';
import { RequestList } from '../_sharing/RequestList';
import { ResetHistory } from './ResetHistory';

interface ListedGrant {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly role: string;
}

const ROLE_LABELS = {
  owner: 'share.role.owner',
  editor: 'share.role.editor',
  commenter: 'share.role.commenter',
  viewer: 'share.role.viewer',
} as const;

const roleLabel = (role: string) => ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? ROLE_LABELS.viewer;

/**
 * What the "Del" dialog of the document's top bar holds (app/_docbar): a form to give a person a
 * role by e-mail, who has access, pending co-author requests, visibility (in force as it is
 * chosen), organisation grants and invite links. For those who manage access.
 */
export function SharePanel({ documentId, selfId }: { documentId: string; selfId: string }) {
  const t = useT();
  const id = useId();
  const url = `/api/documents/${encodeURIComponent(documentId)}/access`;
  const [grants, setGrants] = useState<readonly ListedGrant[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<{ grants: ListedGrant[] }>) : null))
      .then((body) => {
        if (live && body) setGrants(body.grants);
      })
      .catch(() => undefined); // the list stays empty; granting still works and refreshes it
    return () => {
      live = false;
    };
  }, [url]);

  async function grant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = grantAccessSchema.safeParse({ email: data.get('email'), role: data.get('role') });
    if (!parsed.success) return setError(errorMessage(t, firstIssueCode(parsed.error)));
    setBusy(true);
    const result = await sendJson<{ grants: ListedGrant[] }>('POST', url, parsed.data);
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setGrants(result.data.grants);
    setAnnouncement(t('share.granted', { email: parsed.data.email }));
    form.reset();
  }

  async function revoke(person: ListedGrant) {
    const result = await sendJson<{ grants: ListedGrant[] }>('DELETE', url, { personId: person.personId });
    if (!result.ok) return setError(errorMessage(t, result.code));
    setGrants(result.data.grants);
    setAnnouncement(t('share.revoked', { name: person.name }));
  }

  return (
    <div className="share-panel" data-testid="share-panel">
      <form onSubmit={grant} noValidate aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`} className="share-panel__heading">
          {t('docbar.share.add')}
        </h3>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('share.email')}</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="off"
            required
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('share.role')}</label>
          <select id={`${id}-role`} name="role" defaultValue="editor">
            {GRANTABLE_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(ROLE_LABELS[role])}
              </option>
            ))}
          </select>
        </div>
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
        <button className="button button--small" type="submit" disabled={busy}>
          {busy ? t('form.working') : t('share.submit')}
        </button>
      </form>
      <section className="share-panel__part" aria-labelledby={`${id}-people`}>
        <h3 id={`${id}-people`}>{t('docbar.share.people')}</h3>
        <ul className="share-panel__list">
          {grants.map((person) => (
            <li key={person.personId}>
              <span>
                {person.name} ({person.email}) – {t(roleLabel(person.role))}
              </span>
              {person.personId !== selfId && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('share.revokeLabel', { name: person.name })}
                  onClick={() => void revoke(person)}
                >
                  {t('share.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <RequestList documentId={documentId} announce={setAnnouncement} />
      <OrganisationAccess documentId={documentId} announce={setAnnouncement} />
      <InvitePanel documentId={documentId} announce={setAnnouncement} />
      <ResetHistory documentId={documentId} announce={setAnnouncement} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

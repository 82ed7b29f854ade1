'use client';
import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../lib/i18n/format';
import { errorMessage } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import type { InviteSummary } from '../_shared/InviteSummary';
import { GRANTABLE_ROLES, INVITE_EXPIRY_DAYS, createInviteSchema, firstIssueCode } from '../_shared/schemas';
import { ROLE_LABELS } from './roleLabels';
import { useJsonList } from './useJsonList';

const pickInvites = (body: unknown) => (body as { invites?: InviteSummary[] }).invites;

/** Invite links: create one (role, expiry), see each one's role, expiry and uses, revoke. */
export function InvitePanel({ documentId, announce }: { documentId: string; announce: (text: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const url = `/api/documents/${encodeURIComponent(documentId)}/invites`;
  const [invites, setInvites] = useJsonList<readonly InviteSummary[]>(url, pickInvites, []);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = createInviteSchema.safeParse({ role: data.get('role'), expiresInDays: Number(data.get('expiresInDays')) });
    if (!parsed.success) return setError(errorMessage(t, firstIssueCode(parsed.error)));
    setBusy(true);
    const result = await sendJson<{ invite: InviteSummary; path: string }>('POST', url, parsed.data);
    setBusy(false);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setError(null);
    setInvites([...invites, result.data.invite]);
    setLink(`${window.location.origin}${result.data.path}`);
    announce(t('sharing.invites.createdAnnounced'));
  }

  async function revoke(invite: InviteSummary) {
    const result = await sendJson<{ invite: InviteSummary }>('DELETE', `${url}/${encodeURIComponent(invite.id)}`);
    if (!result.ok) return setError(errorMessage(t, result.code));
    setInvites(invites.map((other) => (other.id === invite.id ? result.data.invite : other)));
    announce(t('sharing.invites.revoked'));
  }

  return (
    <section className="share-panel__part" aria-labelledby={`${id}-heading`} data-testid="invite-panel">
      <h3 id={`${id}-heading`}>{t('sharing.invites.heading')}</h3>
      {invites.length === 0 ? (
        <p>{t('sharing.invites.none')}</p>
      ) : (
        <ul className="share-panel__list">
          {invites.map((invite) => {
            const role = t(ROLE_LABELS[invite.role]);
            const expires = formatDateTime(invite.expiresAt, locale);
            return (
              <li key={invite.id}>
                <span>
                  {t('sharing.invites.item', {
                    role,
                    status: t(`sharing.invites.status.${invite.status}`),
                    expires,
                    uses: invite.uses === 1 ? t('sharing.invites.uses.one') : t('sharing.invites.uses.other', { n: invite.uses }),
                  })}
                </span>
                {invite.status === 'active' && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('sharing.invites.revokeLabel', { role, expires })}
                    onClick={() => void revoke(invite)}
                  >
                    {t('sharing.invites.revoke')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {link && (
        <div className="field">
          <label htmlFor={`${id}-link`}>{t('sharing.invites.link')}</label>
          <input
            id={`${id}-link`}
            readOnly
            value={link}
            aria-describedby={`${id}-link-hint`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <p id={`${id}-link-hint`}>{t('sharing.invites.created')}</p>
        </div>
      )}
      <form onSubmit={create} noValidate>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('sharing.invites.role')}</label>
          <select id={`${id}-role`} name="role" defaultValue="editor">
            {GRANTABLE_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(ROLE_LABELS[role])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiry`}>{t('sharing.invites.expiry')}</label>
          <select id={`${id}-expiry`} name="expiresInDays" defaultValue="7">
            {INVITE_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {t(`sharing.invites.expiry.${days}`)}
              </option>
            ))}
          </select>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button className="button button--small" type="submit" disabled={busy}>
          {busy ? t('form.working') : t('sharing.invites.create')}
        </button>
      </form>
    </section>
  );
}

'use client';
import { useId, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import type { MemberView } from '../_shared/AdminViews';
import { addMemberSchema } from '../_shared/adminSchemas';
import { firstIssueCode } from '../_shared/schemas';
import { useAdminAction } from './useAdminAction';

/** The members of an organisation or workspace (`url` is its members route): remove one, add one by e-mail. */
export function MembersEditor({ name, url, members }: { name: string; url: string; members: readonly MemberView[] }) {
  const t = useT();
  const id = useId();
  const action = useAdminAction();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = addMemberSchema.safeParse({ email: new FormData(form).get('email') });
    if (!parsed.success) return action.setError(errorMessage(t, firstIssueCode(parsed.error)));
    const result = await action.run('POST', url, parsed.data, () => t('admin.members.added', { person: parsed.data.email }));
    if (result.ok) form.reset();
  }

  return (
    <div className="admin-members">
      <h4 id={`${id}-heading`}>{t('admin.members.heading', { name })}</h4>
      {members.length === 0 ? (
        <p>{t('admin.members.none')}</p>
      ) : (
        <ul aria-labelledby={`${id}-heading`}>
          {members.map((member) => (
            <li key={member.id}>
              {member.name} ({member.email}){' '}
              <button
                type="button"
                className="link-button"
                disabled={action.busy}
                aria-label={t('admin.members.removeOf', { person: member.name, name })}
                onClick={() =>
                  void action.run('DELETE', url, { personId: member.id }, () => t('admin.members.removed', { person: member.name }))
                }
              >
                {t('admin.members.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate className="admin-inline-form">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('admin.members.email', { name })}</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="off"
            required
            aria-invalid={action.error ? true : undefined}
            aria-describedby={action.error ? `${id}-error` : undefined}
          />
        </div>
        <button className="button button--small" type="submit" disabled={action.busy} aria-label={t('admin.members.addTo', { name })}>
          {t('admin.members.add')}
        </button>
      </form>
      {action.error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {action.error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {action.announcement}
      </p>
    </div>
  );
}

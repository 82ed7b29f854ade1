'use client';
import { useId, useState } from 'react';
import { PLATFORM_ROLES, type PlatformRole } from '../../lib/access/model';
import { useT } from '../../lib/i18n/useT';
import type { AdminPerson } from '../_shared/AdminViews';
import type { AdminViewProps } from './AdminView';
import { useAdminAction } from './useAdminAction';

export const ROLE_LABELS = {
  citizen: 'admin.role.citizen',
  org_rep: 'admin.role.org_rep',
  staff: 'admin.role.staff',
  moderator: 'admin.role.moderator',
  admin: 'admin.role.admin',
} as const satisfies Record<PlatformRole, string>;

/** People: search (a GET form, so the URL can be shared and the back button works), a table, paging. */
export function PeopleSection({ query, people, total, offset, limit, selfId }: AdminViewProps) {
  const t = useT();
  const id = useId();
  const action = useAdminAction();
  const [links, setLinks] = useState<Record<string, string>>({});
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const href = (to: number) => `/admin?${new URLSearchParams({ ...(query && { q: query }), offset: String(to) }).toString()}`;

  async function issueLink(person: AdminPerson) {
    const result = await action.run<{ link: string }>('POST', `/api/admin/people/${encodeURIComponent(person.id)}/reset-link`, {}, () =>
      t('admin.people.changed', { name: person.name }),
    );
    if (result.ok) setLinks((current) => ({ ...current, [person.id]: result.data.link }));
  }

  return (
    <section className="card admin-section" aria-labelledby={`${id}-heading`} data-testid="admin-people">
      <h2 id={`${id}-heading`}>{t('admin.people.heading')}</h2>
      <form method="get" action="/admin" role="search" className="admin-search">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('admin.people.search')}</label>
          <input id={`${id}-q`} name="q" type="search" defaultValue={query} maxLength={200} />
        </div>
        <button className="button button--small" type="submit">
          {t('admin.people.searchSubmit')}
        </button>
      </form>
      <p>{t('admin.people.count', { n: total })}</p>
      {people.length === 0 ? (
        <p>{t('admin.people.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.people.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.people.name')}</th>
                <th scope="col">{t('admin.people.email')}</th>
                <th scope="col">{t('admin.people.role')}</th>
                <th scope="col">{t('admin.people.status')}</th>
                <th scope="col">{t('admin.people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  self={person.id === selfId}
                  link={links[person.id]}
                  action={action}
                  onIssueLink={() => void issueLink(person)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {action.error && (
        <p className="field-error" role="alert">
          {action.error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {action.announcement}
      </p>
      {pages > 1 && (
        <nav aria-label={t('admin.people.paging')} className="admin-paging">
          {page > 1 && <a href={href(Math.max(0, offset - limit))}>{t('admin.people.previous')}</a>}
          <span>{t('admin.people.pageOf', { page, pages })}</span>
          {page < pages && <a href={href(offset + limit)}>{t('admin.people.next')}</a>}
        </nav>
      )}
    </section>
  );
}

function PersonRow({
  person,
  self,
  link,
  action,
  onIssueLink,
}: {
  person: AdminPerson;
  self: boolean;
  link: string | undefined;
  action: ReturnType<typeof useAdminAction>;
  onIssueLink: () => void;
}) {
  const t = useT();
  const id = useId();
  const [role, setRole] = useState<PlatformRole>(person.role);
  const url = `/api/admin/people/${encodeURIComponent(person.id)}`;
  const changed = () => t('admin.people.changed', { name: person.name });
  return (
    <tr data-testid={`person-${person.email}`}>
      <th scope="row">{person.name}</th>
      <td>{person.email}</td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-role`}>
          {t('admin.people.roleOf', { name: person.name })}
        </label>
        <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as PlatformRole)}>
          {PLATFORM_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(ROLE_LABELS[value])}
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={action.busy || role === person.role}
          aria-label={t('admin.people.saveRoleOf', { name: person.name })}
          onClick={() => void action.run('PATCH', url, { role }, changed).then((result) => !result.ok && setRole(person.role))}
        >
          {t('admin.people.saveRole')}
        </button>
      </td>
      <td>{person.disabled ? t('admin.people.disabled') : t('admin.people.active')}</td>
      <td>
        {!self && (
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={action.busy}
            aria-label={t(person.disabled ? 'admin.people.enableOf' : 'admin.people.disableOf', { name: person.name })}
            onClick={() => void action.run('PATCH', url, { disabled: !person.disabled }, changed)}
          >
            {person.disabled ? t('admin.people.enable') : t('admin.people.disable')}
          </button>
        )}{' '}
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={action.busy}
          aria-label={t('admin.people.resetLinkOf', { name: person.name })}
          onClick={onIssueLink}
        >
          {t('admin.people.resetLink')}
        </button>
        {link && (
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('admin.people.resetLinkLabel', { name: person.name })}</label>
            <input id={`${id}-link`} type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          </div>
        )}
      </td>
    </tr>
  );
}

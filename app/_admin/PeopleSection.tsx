'use client';
import { useId, useState } from 'react';
import { PLATFORM_ROLES, type PlatformRole } from '../../lib/access/model';
import { formatNumber, pluralCategory } from '../../lib/i18n/plural';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { AdminPerson } from '../_shared/AdminViews';
import type { AdminViewProps } from './AdminView';
import { adminHref } from './adminHref';
import { Paging } from './Paging';
import { useAdminAction } from './useAdminAction';

export const ROLE_LABELS = {
  citizen: 'admin.role.citizen',
  org_rep: 'admin.role.org_rep',
  staff: 'admin.role.staff',
  moderator: 'admin.role.moderator',
  admin: 'admin.role.admin',
} as const satisfies Record<PlatformRole, string>;

/** The reset-link route's answer: e-mailed when SMTP_URL is set, otherwise the link to hand over. */
type ResetLinkAnswer = { emailed: true; email: string } | { emailed: false; link: string };
type IssuedLink = { mailedTo: string } | { link: string };

/** People: search (a GET form, so the URL can be shared and the back button works), a table, paging. */
export function PeopleSection({ query, people, total, offset, limit, selfId, orgOffset }: AdminViewProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const action = useAdminAction();
  const [links, setLinks] = useState<Record<string, IssuedLink>>({});

  async function issueLink(person: AdminPerson) {
    const result = await action.run<ResetLinkAnswer>('POST', `/api/admin/people/${encodeURIComponent(person.id)}/reset-link`, {}, (data) =>
      data.emailed ? t('admin.people.resetLinkMailed', { email: data.email }) : t('admin.people.changed', { name: person.name }),
    );
    if (result.ok) {
      const data = result.data;
      setLinks((current) => ({ ...current, [person.id]: data.emailed ? { mailedTo: data.email } : { link: data.link } }));
    }
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
      <p>
        {pluralCategory(locale, total) === 'one'
          ? t('admin.people.count.one')
          : t('admin.people.count', { n: formatNumber(total, locale) })}
      </p>
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
      <Paging
        label={t('admin.people.paging')}
        offset={offset}
        limit={limit}
        total={total}
        href={(to) => adminHref({ q: query, offset: to, orgOffset })}
      />
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
  link: IssuedLink | undefined;
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
      <th scope="row">
        {/* session 8: account: the person's own page (data export, account deletion) */}
        <a href={`/admin/personer/${encodeURIComponent(person.id)}`}>{person.name}</a>
      </th>
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
        {link && 'mailedTo' in link && <p className="notice">{t('admin.people.resetLinkMailed', { email: link.mailedTo })}</p>}
        {link && 'link' in link && (
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('admin.people.resetLinkLabel', { name: person.name })}</label>
            <input id={`${id}-link`} type="text" readOnly value={link.link} onFocus={(event) => event.currentTarget.select()} />
          </div>
        )}
      </td>
    </tr>
  );
}

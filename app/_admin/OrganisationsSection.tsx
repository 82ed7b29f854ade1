'use client';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../lib/access/model';
import { organisationSchema } from '../../lib/people/schemas';
import { errorMessage } from '../../lib/i18n/t';
import { formatNumber, pluralCategory } from '../../lib/i18n/plural';
import { useLocale, useT } from '../../lib/i18n/useT';
import { firstIssueCode } from '../_shared/schemas';
import { MembersEditor } from './MembersEditor';
import type { AdminViewProps } from './AdminView';
import { adminHref } from './adminHref';
import { Paging } from './Paging';
import { PlaceControls } from './PlaceControls';
import { useAdminAction } from './useAdminAction';

export const KIND_LABELS = {
  association: 'admin.kind.association',
  business: 'admin.kind.business',
  municipal_centre: 'admin.kind.municipal_centre',
} as const satisfies Record<OrganisationKind, string>;

/** Organisations: create one (a business needs a valid CVR number), and their members. */
export function OrganisationsSection({
  organisations,
  organisationsTotal,
  orgOffset,
  orgLimit,
  query,
  offset,
}: Pick<AdminViewProps, 'organisations' | 'organisationsTotal' | 'orgOffset' | 'orgLimit' | 'query' | 'offset'>) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const action = useAdminAction();
  // Renaming and removing: its own messages, shown above the list so they outlive a removed item.
  const manage = useAdminAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const [kind, setKind] = useState<OrganisationKind>('association');

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { name: data.get('name'), kind: data.get('kind'), cvr: data.get('cvr') };
    // Checked here with the server's schema for a quick answer; the route checks again.
    const parsed = organisationSchema.safeParse(input);
    if (!parsed.success) return action.setError(errorMessage(t, firstIssueCode(parsed.error)));
    const result = await action.run('POST', '/api/admin/organisations', input, () => t('admin.orgs.created', { name: parsed.data.name }));
    if (result.ok) form.reset();
  }

  return (
    <section className="card admin-section" aria-labelledby={`${id}-heading`} data-testid="admin-organisations">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('admin.orgs.heading')}
      </h2>
      <p>
        {pluralCategory(locale, organisationsTotal) === 'one'
          ? t('admin.orgs.count.one')
          : t('admin.orgs.count', { n: formatNumber(organisationsTotal, locale) })}
      </p>
      {manage.error && (
        <p className="field-error" role="alert">
          {manage.error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {manage.announcement}
      </p>
      {organisations.length === 0 ? (
        <p>{t('admin.orgs.none')}</p>
      ) : (
        <ul className="admin-list">
          {organisations.map((organisation) => (
            <li key={organisation.id}>
              <h3>{organisation.name}</h3>
              <p className="hint">
                {t(KIND_LABELS[organisation.kind])}
                {organisation.cvr && ` · ${t('admin.orgs.cvrShown', { cvr: organisation.cvr })}`}
              </p>
              <PlaceControls
                kind="organisation"
                id={organisation.id}
                name={organisation.name}
                action={manage}
                onRemoved={() => heading.current?.focus()}
              />
              <MembersEditor
                name={organisation.name}
                url={`/api/admin/organisations/${encodeURIComponent(organisation.id)}/members`}
                members={organisation.members}
              />
            </li>
          ))}
        </ul>
      )}
      <Paging
        label={t('admin.orgs.paging')}
        offset={orgOffset}
        limit={orgLimit}
        total={organisationsTotal}
        href={(to) => adminHref({ q: query, offset, orgOffset: to })}
      />
      <form onSubmit={create} noValidate>
        <h3>{t('admin.orgs.create')}</h3>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.orgs.name')}</label>
          <input id={`${id}-name`} name="name" type="text" required maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('admin.orgs.kind')}</label>
          <select id={`${id}-kind`} name="kind" value={kind} onChange={(event) => setKind(event.target.value as OrganisationKind)}>
            {ORGANISATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(KIND_LABELS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cvr`}>{t('admin.orgs.cvr')}</label>
          <p className="hint" id={`${id}-cvr-hint`}>
            {t('admin.orgs.cvr.hint')}
          </p>
          <input
            id={`${id}-cvr`}
            name="cvr"
            type="text"
            inputMode="numeric"
            maxLength={20}
            required={kind === 'business'}
            aria-invalid={action.error ? true : undefined}
            aria-describedby={action.error ? `${id}-cvr-hint ${id}-error` : `${id}-cvr-hint`}
          />
        </div>
        {action.error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {action.error}
          </p>
        )}
        <p className="visually-hidden" role="status">
          {action.announcement}
        </p>
        <button className="button" type="submit" disabled={action.busy}>
          {t('admin.orgs.create')}
        </button>
      </form>
    </section>
  );
}

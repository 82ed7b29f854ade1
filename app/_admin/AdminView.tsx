'use client';
import { useT } from '../../lib/i18n/useT';
import type { AdminApiKey, AdminOrganisation, AdminPerson, AdminWorkspace } from '../_shared/AdminViews';
import { ApiKeysSection } from './ApiKeysSection';
import { OrganisationsSection } from './OrganisationsSection';
import { PeopleSection } from './PeopleSection';
import { WorkspacesSection } from './WorkspacesSection';

export interface AdminViewProps {
  readonly selfId: string;
  readonly query: string;
  readonly people: readonly AdminPerson[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly organisations: readonly AdminOrganisation[];
  readonly organisationsTotal: number;
  readonly orgOffset: number;
  readonly orgLimit: number;
  readonly workspaces: readonly AdminWorkspace[];
  readonly apiKeys: readonly AdminApiKey[];
}

/** The admin page: people (search, paging, role, disable, reset link), organisations (paged), workspaces and API keys. */
export function AdminView(props: AdminViewProps) {
  const t = useT();
  return (
    <div className="admin">
      <h1>{t('admin.heading')}</h1>
      <p>{t('admin.intro')}</p>
      <PeopleSection {...props} />
      <OrganisationsSection {...props} />
      <WorkspacesSection workspaces={props.workspaces} />
      <ApiKeysSection apiKeys={props.apiKeys} />
    </div>
  );
}

import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getT } from '../../_server/requestLocale';
import { getServices } from '../../../lib/services';
import { AdminView } from '../../_admin/AdminView';
import { ADMIN_PAGE_SIZE, listParamsSchema } from '../../_shared/adminSchemas';
import { loadAdminOrganisations } from '../../_server/loadAdminOrganisations';
import { loadAdminWorkspaces } from '../../_server/loadAdminWorkspaces';
import { readPrincipal } from '../../_server/readPrincipal';
import { isAdmin } from '../../_server/requireAdmin';
import { toAdminPerson } from '../../_server/toAdminPerson';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('admin.heading') };
}

/** Admins only (can() `administer`): signed out → sign in; anyone else is told the page does not exist. */
export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await readPrincipal();
  if (!principal) redirect('/konto/log-ind');
  if (!isAdmin(principal)) notFound();
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = listParamsSchema.safeParse({ q: first(raw.q), offset: first(raw.offset) });
  const params = parsed.success ? parsed.data : listParamsSchema.parse({});
  const query = params.q?.trim() ?? '';
  const people = await getServices().accounts.listPeople(principal.personId, {
    ...(query !== '' && { query }),
    offset: params.offset,
    limit: params.limit,
  });
  const orgs = listParamsSchema.safeParse({ offset: first(raw.orgOffset) });
  const orgOffset = orgs.success ? orgs.data.offset : 0;
  const orgLimit = ADMIN_PAGE_SIZE;
  const [organisations, workspaces, apiKeys] = await Promise.all([
    loadAdminOrganisations({ offset: orgOffset, limit: orgLimit }),
    loadAdminWorkspaces(),
    getServices().apiKeys.list(principal.personId),
  ]);
  return (
    <AdminView
      selfId={principal.personId}
      query={query}
      people={people.items.map(toAdminPerson)}
      total={people.total}
      offset={params.offset}
      limit={params.limit}
      organisations={organisations.items}
      organisationsTotal={organisations.total}
      orgOffset={orgOffset}
      orgLimit={orgLimit}
      workspaces={workspaces}
      apiKeys={apiKeys.map(({ id, name, prefix, scopes, createdAt, revokedAt }) => ({ id, name, prefix, scopes, createdAt, revokedAt }))}
    />
  );
}

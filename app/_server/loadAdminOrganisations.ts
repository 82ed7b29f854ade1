import type { Page } from '../../lib/people/AccountStore';
import { getServices } from '../../lib/services';
import type { AdminOrganisation } from '../_shared/AdminViews';
import type { ListParams } from '../_shared/adminSchemas';

/** A page of organisations with their members, for the admin page and its list route. */
export async function loadAdminOrganisations({ q, offset, limit }: ListParams): Promise<Page<AdminOrganisation>> {
  const { organisations } = getServices();
  const page = await organisations.list({ ...(q !== undefined && { query: q }), offset, limit });
  const items = await Promise.all(
    page.items.map(async (organisation) => ({
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      cvr: organisation.cvr ?? null,
      members: (await organisations.membersOf(organisation.id)).map(({ id, name, email }) => ({ id, name, email })),
    })),
  );
  return { items, total: page.total };
}

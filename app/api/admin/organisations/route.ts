/** GET `?q=&offset=&limit=`: organisations with their members. POST `{ name, kind, cvr? }`: create one (CVR checked). */
import { organisationSchema } from '../../../../lib/people/schemas';
import { getServices } from '../../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { loadAdminOrganisations } from '../../../_server/loadAdminOrganisations';
import { readListParams } from '../../../_server/readListParams';
import { requireAdmin } from '../../../_server/requireAdmin';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    await requireAdmin();
    const page = await loadAdminOrganisations(readListParams(request));
    return Response.json({ organisations: page.items, total: page.total }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const input = await readJson(request, organisationSchema);
    const organisation = await getServices().organisations.create(admin.personId, input);
    return Response.json(
      { organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, cvr: organisation.cvr ?? null } },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  });
}

/** GET `?q=&offset=&limit=`: admins page through people, searching name and e-mail. */
import { getServices } from '../../../../lib/services';
import { handle } from '../../../_server/http';
import { readListParams } from '../../../_server/readListParams';
import { requireAdmin } from '../../../_server/requireAdmin';
import { toAdminPerson } from '../../../_server/toAdminPerson';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const admin = await requireAdmin();
    const { q, offset, limit } = readListParams(request);
    const page = await getServices().accounts.listPeople(admin.personId, { ...(q !== undefined && { query: q }), offset, limit });
    return Response.json({ people: page.items.map(toAdminPerson), total: page.total }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

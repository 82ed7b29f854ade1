/**
 * PATCH `{ disabled?, role? }`: an admin disables (or enables) a person or changes their role.
 * Disabling ends their sessions and live connections; the last admin is neither demoted nor disabled.
 */
import { getServices } from '../../../../../lib/services';
import { adminPersonPatchSchema } from '../../../../_shared/adminSchemas';
import { assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { requireAdmin } from '../../../../_server/requireAdmin';
import { toAdminPerson } from '../../../../_server/toAdminPerson';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const admin = await requireAdmin();
    const patch = await readJson(request, adminPersonPatchSchema);
    const id = (await context.params).id;
    const { accounts } = getServices();
    // The services ask can(actor, 'administer', platform) again and keep an enabled admin (`last_admin`).
    let person = patch.role === undefined ? null : await accounts.setRole(admin.personId, id, patch.role);
    if (patch.disabled !== undefined) person = await accounts.setDisabled(admin.personId, id, patch.disabled);
    return Response.json({ person: person && toAdminPerson(person) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** PATCH `{ name }`: change one's name, immediately. */
import { profileNameSchema } from '../../../../lib/account/schemas';
import { getServices } from '../../../../lib/services';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { PRIVATE_NO_STORE } from '../../../_server/noStore';
import { requirePrincipal } from '../../../_server/requirePrincipal';

export const dynamic = 'force-dynamic';

export function PATCH(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const { name } = await readJson(request, profileNameSchema);
    const person = await getServices().selfService.changeName(principal.personId, principal.personId, name);
    return Response.json({ person: { id: person.id, name: person.name } }, { headers: PRIVATE_NO_STORE });
  });
}

/** PATCH `{ disabled }`: an admin disables (or enables) a person; disabling ends their sessions and live connections. */
import { z } from 'zod';
import { getServices } from '../../../../../lib/services';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { readPrincipal } from '../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

const setDisabledSchema = z.object({ disabled: z.boolean({ error: 'invalid_input' }) });

export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const { disabled } = await readJson(request, setDisabledSchema);
    // The service asks can(actor, 'administer', platform) and refuses with `forbidden`.
    const person = await getServices().accounts.setDisabled(principal.personId, (await context.params).id, disabled);
    return Response.json({ person: { id: person.id, name: person.name, disabled: person.disabled } });
  });
}

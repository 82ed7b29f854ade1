/** GET: the signed-in person's data as a zip (JSON and Markdown; docs/API.md). */
import { getServices } from '../../../../lib/services';
import { handle } from '../../../_server/http';
import { requirePrincipal } from '../../../_server/requirePrincipal';
import { zipResponse } from '../../../_server/zipResponse';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return handle(async () => {
    const principal = await requirePrincipal();
    return zipResponse(await getServices().selfService.exportData(principal.personId, principal.personId));
  });
}

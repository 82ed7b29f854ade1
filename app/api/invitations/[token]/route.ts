/**
 * Accepts an invite link for the signed-in person: they get its role on the document (never
 * lowering a stronger one) and are told where the document is. Expired and revoked links: 410.
 */
import { getServices } from '../../../../lib/services';
import { assertSameOrigin, handle } from '../../../_server/http';
import { actorOf } from '../../../_server/readPrincipal';
import { requirePrincipal } from '../../../_server/requirePrincipal';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string }> };

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await requirePrincipal();
    const documentId = await getServices().sharing.acceptInvite(actorOf(principal), (await context.params).token);
    return Response.json({ documentId, path: `/d/${documentId}` });
  });
}

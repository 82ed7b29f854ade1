/**
 * GET: one version (`{ version }`: its summary and its HTML), for anyone who can read the document.
 * A number that is not one (`0`, `01`, `x`, too long) names no version: 404 `version_not_found`,
 * after the document's own check (a document the reader cannot see is `not_found` either way).
 */
import { parseDocumentId } from '../../../../../../lib/documentId';
import { getServices } from '../../../../../../lib/services';
import { HttpError, handle } from '../../../../../_server/http';
import { readActor } from '../../../../../_server/readPrincipal';
import { versionWithHtmlJson } from '../../../../../_shared/versionSchemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; n: string }> };
const VERSION_NUMBER = /^[1-9][0-9]{0,8}$/;

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const params = await context.params;
    const id = parseDocumentId(params.id);
    if (!id) throw new HttpError(404, 'not_found');
    // NaN for a malformed number: the service checks access first, then finds no such version.
    const number = VERSION_NUMBER.test(params.n) ? Number(params.n) : Number.NaN;
    const version = await getServices().versions.get(await readActor(), id, number);
    return Response.json({ version: versionWithHtmlJson(version) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

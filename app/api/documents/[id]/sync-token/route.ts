/**
 * GET: a short-lived sync token for the browser's editor (5 minutes). can() decides the access
 * from the session; a signed-in person's token names their session (`sid`), so the sync server
 * judges the session again at connect and when access is revoked. Signed-out visitors get a view
 * token for public documents, marked `anon` so the sync server judges them as signed out, live too. `epoch`: the document's current epoch, so the editor names the right
 * one at connect and sets aside a local copy of an older history before connecting it.
 */
import { randomUUID } from 'node:crypto';
import { syncAccessFor } from '../../../../../lib/access/syncAccessFor';
import { documentResourceOf } from '../../../../../lib/documents/DocumentService';
import { BROWSER_TOKEN_TTL_SECONDS } from '../../../../../lib/auth/browserToken';
import { mintSyncToken } from '../../../../../lib/auth/syncToken';
import { parseDocumentId } from '../../../../../lib/documentId';
import { BODY_SCHEMA_VERSION, SCHEMA_QUERY_PARAM } from '../../../../../lib/protocol';
import { getT } from '../../../../_server/requestLocale';
import { getServices } from '../../../../../lib/services';
import { HttpError, handle } from '../../../../_server/http';
import { actorOf, readPrincipal } from '../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

/** True when the asking editor names a body schema older than the server's (`?schema=`; absent is not checked). */
function olderSchema(request: Request): boolean {
  const named = new URL(request.url).searchParams.get(SCHEMA_QUERY_PARAM);
  if (named === null) return false;
  if (!/^[1-9][0-9]{0,5}$/.test(named)) throw new HttpError(400, 'schema_invalid');
  return Number(named) < BODY_SCHEMA_VERSION;
}

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    // Only the app's own pages ask (browsers say so); another site cannot read the answer anyway.
    const site = request.headers.get('sec-fetch-site');
    if (site !== null && site !== 'same-origin') throw new HttpError(403, 'cross_origin');
    const { id } = await context.params;
    const { documents, secret } = getServices();
    const principal = await readPrincipal();
    const documentId = parseDocumentId(id);
    const meta = documentId ? await documents.get(documentId) : null;
    const resource = meta ? documentResourceOf(meta) : null;
    const allowed = resource ? syncAccessFor(actorOf(principal), resource) : null;
    // An editor built with an older body schema would delete the nodes it does not know: it reads only.
    const access = allowed === 'edit' && olderSchema(request) ? 'view' : allowed;
    if (!access) throw principal ? new HttpError(404, 'not_found') : new HttpError(401, 'unauthenticated');
    const claims = principal
      ? { sub: principal.personId, name: principal.label, doc: id, access, sid: principal.sessionIdHash }
      : { sub: `anon_${randomUUID()}`, name: (await getT())('presence.reader'), doc: id, access, anon: true as const };
    const token = await mintSyncToken(claims, secret, BROWSER_TOKEN_TTL_SECONDS);
    return Response.json(
      // `state`: an editor that reconnects after the document was published while it was away goes on as a reader.
      { token, access, expiresIn: BROWSER_TOKEN_TTL_SECONDS, epoch: meta?.epoch ?? 1, state: meta?.state },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  });
}

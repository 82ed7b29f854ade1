/**
 * Platform API: POST mints a sync token for embedding (`/embed/<doc>?token=…` or a stock
 * y-websocket client). An edit token for an unknown id creates the document at connect. The
 * subject is namespaced by the key (`ext:<keyId>:<sub>`), so it never names a person here; the
 * key's id (`kid`) binds the token to the key's documents and ends it when the key is revoked.
 */
import { mintSyncToken } from '../../../../lib/auth/syncToken';
import { apiMintTokenSchema, externalSubject } from '../../../../lib/platformApi/schemas';
import { belongsToKey } from '../../../../lib/platformApi/belongsToKey';
import { getServices } from '../../../../lib/services';
import { HttpError, handle, readJson } from '../../../_server/http';
import { requireApiKey } from '../../../_server/requireApiKey';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const key = await requireApiKey(request, 'tokens:mint');
    const input = await readJson(request, apiMintTokenSchema);
    const { documents, secret } = getServices();
    const meta = await documents.get(input.doc);
    // Tokens only for the key's own documents; only an edit token may bring one into being (as the sync server decides too).
    if (meta ? !belongsToKey(meta, key.id) : input.access !== 'edit') throw new HttpError(404, 'not_found');
    const claims = {
      sub: externalSubject(key.id, input.sub),
      name: input.name,
      doc: input.doc,
      access: input.access,
      ...(input.title === undefined ? {} : { title: input.title }),
      // The sync server honours it only while this key is live, and only on this key's documents.
      kid: key.id,
    };
    const token = await mintSyncToken(claims, secret, input.ttl);
    const expiresAt = new Date(Date.now() + input.ttl * 1000).toISOString();
    return Response.json(
      { token, expiresAt, embedPath: `/embed/${input.doc}?token=${encodeURIComponent(token)}` },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  });
}

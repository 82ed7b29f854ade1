/**
 * Admins manage API keys for the platform API. POST `{ name, scopes? }` creates one and returns
 * the raw key ONCE (only its hash is kept); GET lists keys (without secrets).
 */
import { createApiKeySchema } from '../../../../lib/platformApi/schemas';
import { getServices } from '../../../../lib/services';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { readPrincipal } from '../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const input = await readJson(request, createApiKeySchema);
    // The service asks can(actor, 'administer', platform) and refuses with `forbidden`.
    const { key, apiKey } = await getServices().apiKeys.create(principal.personId, {
      name: input.name,
      ...(input.scopes === undefined ? {} : { scopes: input.scopes }),
    });
    return Response.json({ key, apiKey }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });
}

export function GET(): Promise<Response> {
  return handle(async () => {
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const apiKeys = await getServices().apiKeys.list(principal.personId);
    return Response.json({ apiKeys }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

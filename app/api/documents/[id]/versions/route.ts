/**
 * GET: the document's versions, newest first (`{ versions }`), for anyone who can read it.
 * POST `{ summary, title? }` with an optional `Idempotency-Key` header: publishes the current state
 * as the next version and moves the document to final (`publish`: moderators and admins). 201
 * `{ version }`, also for a repeat of the key (then with `Idempotent-Replayed: true`); 409
 * `nothing_changed` (the answer names the version) when the content equals the latest published one.
 */
import { parseDocumentId } from '../../../../../lib/documentId';
import { errorMessage } from '../../../../../lib/i18n/t';
import { getT } from '../../../../_server/requestLocale';
import { getServices } from '../../../../../lib/services';
import { nothingChangedSince } from '../../../../../lib/versions/NothingChangedError';
import { isIdempotencyKey } from '../../../../../lib/versions/publishInput';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../_server/http';
import { readActor, readPrincipal } from '../../../../_server/readPrincipal';
import { PUBLISH_BODY_MAX_BYTES, publishVersionSchema, versionJson } from '../../../../_shared/versionSchemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };
const NO_STORE = { 'Cache-Control': 'no-store' };

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const id = parseDocumentId((await context.params).id);
    if (!id) throw new HttpError(404, 'not_found');
    const versions = await getServices().versions.list(await readActor(), id);
    return Response.json({ versions: versions.map(versionJson) }, { headers: NO_STORE });
  });
}

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const id = parseDocumentId((await context.params).id);
    if (!id) throw new HttpError(404, 'not_found');
    const key = request.headers.get('idempotency-key');
    if (key !== null && !isIdempotencyKey(key)) throw new HttpError(400, 'idempotency_key_invalid');
    const input = await readJson(request, publishVersionSchema, PUBLISH_BODY_MAX_BYTES);
    const { versions, comments, logger } = getServices();
    try {
      const { version, created } = await versions.publish(principal.actor, id, {
        summary: input.summary,
        ...(input.title !== undefined && { title: input.title }),
        idempotencyKey: key,
      });
      if (created) {
        logger.info({ doc: id, version: version.number, by: principal.personId }, 'version published');
        // The document is final now: who may comment changed, so open comment panels refetch (as a phase change does).
        await comments.consultationChanged(id);
      }
      return Response.json(
        { version: versionJson(version) },
        { status: 201, headers: { ...NO_STORE, ...(!created && { 'Idempotent-Replayed': 'true' }) } },
      );
    } catch (error) {
      const since = nothingChangedSince(error);
      if (since === null) throw error;
      const t = await getT();
      return Response.json(
        {
          error: {
            code: 'nothing_changed',
            message: `${errorMessage(t, 'nothing_changed')} ${t('versions.nothingChangedSince', { number: since })}`,
            version: since,
          },
        },
        { status: 409, headers: NO_STORE },
      );
    }
  });
}

/**
 * Platform API: POST creates a document (title, template, optional id, visibility), GET lists the
 * key's documents (belongsToKey) a page at a time, newest first. Authenticated with an API key (Bearer).
 */
import { getServices } from '../../../../lib/services';
import { apiCreateDocumentSchema, apiPageQuerySchema } from '../../../../lib/platformApi/schemas';
import { firstIssueCode } from '../../../_shared/schemas';
import { HttpError, handle, readJson } from '../../../_server/http';
import { requireApiKey } from '../../../_server/requireApiKey';
import { toApiDocument } from '../../../_server/toApiDocument';
import { apiKeyCreator, belongsToKey } from '../../../../lib/platformApi/belongsToKey';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const key = await requireApiKey(request, 'documents:write');
    const input = await readJson(request, apiCreateDocumentSchema);
    const { documents } = getServices();
    if (input.id !== undefined && (await documents.get(input.id))) throw new HttpError(409, 'id_taken');
    // The key's platform creates it; nobody here owns it until the platform grants someone access.
    const meta = await documents.create({
      ...(input.id === undefined ? {} : { id: input.id }),
      title: input.title,
      template: input.template,
      visibility: input.visibility,
      createdBy: { id: apiKeyCreator(key.id), name: key.name },
      owner: false,
    });
    // An edit token creating the same id at the same moment shares its creation: then it is not this key's.
    if (!belongsToKey(meta, key.id)) throw new HttpError(409, 'id_taken');
    return Response.json({ document: toApiDocument(meta) }, { status: 201, headers: { Location: `/api/v1/documents/${meta.id}` } });
  });
}

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const key = await requireApiKey(request, 'documents:read');
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = apiPageQuerySchema.safeParse({ offset: params.offset, limit: params.limit });
    if (!parsed.success) throw new HttpError(400, firstIssueCode(parsed.error));
    const { offset, limit } = parsed.data;
    const all = (await getServices().documents.list()).filter((meta) => belongsToKey(meta, key.id));
    return Response.json(
      { documents: all.slice(offset, offset + limit).map(toApiDocument), total: all.length, offset, limit },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  });
}

import { firstIssueCode } from '../_shared/schemas';
import { listParamsSchema, type ListParams } from '../_shared/adminSchemas';
import { HttpError } from './http';

/** `?q=&offset=&limit=` of a GET list route, validated (400 with the issue's code). */
export function readListParams(request: Request): ListParams {
  const params = new URL(request.url).searchParams;
  const parsed = listParamsSchema.safeParse({
    q: params.get('q') ?? undefined,
    offset: params.get('offset') ?? undefined,
    limit: params.get('limit') ?? undefined,
  });
  if (!parsed.success) throw new HttpError(400, firstIssueCode(parsed.error));
  return parsed.data;
}

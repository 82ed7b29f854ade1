/**
 * GET `?documentId=&limit=`: the moderation log (moderators and admins), newest first: every hide,
 * restore and keep with its time, comment, document, ground, reason and who did it, for the documents
 * the moderator may moderate (or one of them). `limit` 1–1000, default 200.
 */
import { z } from '../../../../lib/zodWithoutEval';
import { getServices } from '../../../../lib/services';
import { firstIssueCode } from '../../../_shared/schemas';
import { NO_STORE } from '../../../_server/commentResponses';
import { HttpError, handle } from '../../../_server/http';
import { readParticipant } from '../../../_server/readParticipant';
import { documentIdParam } from '../../../_server/documentIdParam';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  documentId: z.string({ error: 'document_invalid' }).min(1, 'document_invalid').max(64, 'document_invalid').optional(),
  limit: z.coerce.number({ error: 'limit_range' }).int('limit_range').min(1, 'limit_range').max(1000, 'limit_range').optional(),
});

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = querySchema.safeParse(params);
    if (!parsed.success) throw new HttpError(400, firstIssueCode(parsed.error));
    const entries = await getServices().comments.log(await readParticipant(request), {
      ...(parsed.data.documentId !== undefined && { documentId: documentIdParam(parsed.data.documentId) }),
      ...(parsed.data.limit !== undefined && { limit: parsed.data.limit }),
    });
    return Response.json({ entries }, { headers: NO_STORE });
  });
}

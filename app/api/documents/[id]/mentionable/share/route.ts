/**
 * POST `{ personId }`: shares the document with someone to mention who cannot read it yet, as a
 * commenter (the composer's offer; issue 12). Only for those who may share it (can(manage_access),
 * through DocumentActs like the share panel), and only with a person the mentionable list offers:
 * one of the people around the document who cannot read it. Answers `{ person: { id, name } }` (201).
 */
import { getServices } from '../../../../../../lib/services';
import { z } from '../../../../../../lib/zodWithoutEval';
import { documentActs } from '../../../../../_server/documentActs';
import { documentIdParam } from '../../../../../_server/documentIdParam';
import { assertSameOrigin, handle, readJson } from '../../../../../_server/http';
import { requirePersonActor } from '../../../../../_server/requirePersonActor';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const shareSchema = z.object({
  personId: z.string({ error: 'invalid_input' }).regex(/^[A-Za-z0-9_-]{1,100}$/, 'invalid_input'),
});

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const asker = await requirePersonActor();
    const id = documentIdParam((await context.params).id);
    const { personId } = await readJson(request, shareSchema, 1024);
    const { meta, name } = await getServices().mentions.shareTarget(asker, id, personId);
    const others = meta.grants.filter((grant) => !(grant.subject === 'person' && grant.personId === personId));
    await documentActs().setGrants(asker, id, [...others, { subject: 'person', personId, role: 'commenter' }]);
    return Response.json({ person: { id: personId, name } }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });
}

/**
 * Platform API: POST grants a person (by the e-mail of their Samskriv account) a role on a
 * document, replacing their earlier role. People on the other platform without an account get
 * sync tokens instead (POST /api/v1/sync-tokens). Live connections are re-checked at once.
 */
import { parseDocumentId } from '../../../../../../lib/documentId';
import { apiGrantAccessSchema } from '../../../../../../lib/platformApi/schemas';
import { belongsToKey } from '../../../../../../lib/platformApi/belongsToKey';
import { getServices } from '../../../../../../lib/services';
import { emitSafely } from '../../../../../../lib/notifications/emitSafely';
import { grantEvents } from '../../../../../../lib/notifications/documentEvents';
import { HttpError, handle, readJson } from '../../../../../_server/http';
import { requireApiKey } from '../../../../../_server/requireApiKey';

export const dynamic = 'force-dynamic';

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const key = await requireApiKey(request, 'access:write');
    const { id } = await context.params;
    const { email, role } = await readJson(request, apiGrantAccessSchema);
    const { accountStore, documents } = getServices();
    const documentId = parseDocumentId(id);
    const meta = documentId ? await documents.get(documentId) : null;
    // Documents of people in Samskriv, or of another key, are not this key's to share.
    if (!meta || !belongsToKey(meta, key.id)) throw new HttpError(404, 'not_found');
    const person = await accountStore.getPersonByEmail(email);
    if (!person) throw new HttpError(404, 'person_not_found');
    const others = meta.grants.filter((grant) => !(grant.subject === 'person' && grant.personId === person.id));
    const updated = await documents.setGrants(meta.id, [...others, { subject: 'person', personId: person.id, role }]);
    if (!updated) throw new HttpError(404, 'not_found');
    // The person is told, the platform (the key's name) named as who granted it (issue 12).
    for (const event of grantEvents({ kind: 'anonymous' }, meta.grants, updated, new Date().toISOString()))
      await emitSafely(getServices().notifications.notify, () => ({ ...event, actor: { personId: null, name: key.name } }));
    return Response.json({ grant: { personId: person.id, email: person.email, role } }, { status: 201 });
  });
}

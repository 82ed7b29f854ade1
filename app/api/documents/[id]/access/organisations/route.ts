/**
 * A document's organisation grants (every member holds the role), for those who may manage access.
 * GET lists them with the organisations one may choose from; POST grants (replacing the earlier
 * role); DELETE revokes. Live sync connections are re-checked at once.
 */
import type { Grant } from '../../../../../../lib/access/model';
import { withGrantReplaced, withoutGrant } from '../../../../../../lib/access/withGrant';
import { getServices } from '../../../../../../lib/services';
import { grantOrganisationSchema, revokeOrganisationSchema } from '../../../../../_shared/schemas';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../../../_server/http';
import { documentActs } from '../../../../../_server/documentActs';
import { actorOf } from '../../../../../_server/readPrincipal';
import { requireDocumentAccess } from '../../../../../_server/requireDocumentAccess';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** How many organisations the share panel offers (the admin page manages the rest). */
const CHOICES_LIMIT = 200;

async function listed(grants: readonly Grant[]) {
  const { accountStore } = getServices();
  const organisations = [];
  for (const grant of grants) {
    if (grant.subject !== 'organisation') continue;
    const organisation = await accountStore.getOrganisation(grant.organisationId);
    if (organisation) organisations.push({ organisationId: organisation.id, name: organisation.name, role: grant.role });
  }
  return organisations;
}

export function GET(_request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const { resource } = await requireDocumentAccess((await context.params).id, 'manage_access');
    const page = await getServices().accountStore.listOrganisations({ offset: 0, limit: CHOICES_LIMIT });
    return Response.json(
      {
        grants: await listed(resource.grants),
        choices: page.items.map((organisation) => ({ id: organisation.id, name: organisation.name })),
        visibility: resource.visibility,
        hasWorkspace: resource.workspaceId !== null,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  });
}

export function POST(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, resource, id: documentId } = await requireDocumentAccess(id, 'manage_access');
    const { organisationId, role } = await readJson(request, grantOrganisationSchema);
    if (!(await getServices().accountStore.getOrganisation(organisationId))) throw new HttpError(404, 'organisation_not_found');
    const grants = withGrantReplaced(resource.grants, { subject: 'organisation', organisationId }, role);
    const meta = await documentActs().setGrants(actorOf(principal), documentId, grants);
    return Response.json({ grants: await listed(meta.grants) }, { status: 201 });
  });
}

export function DELETE(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { id } = await context.params;
    const { principal, resource, id: documentId } = await requireDocumentAccess(id, 'manage_access');
    const { organisationId } = await readJson(request, revokeOrganisationSchema);
    const grants = withoutGrant(resource.grants, { subject: 'organisation', organisationId });
    const meta = await documentActs().setGrants(actorOf(principal), documentId, grants);
    return Response.json({ grants: await listed(meta.grants) });
  });
}

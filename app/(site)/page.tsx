import { can } from '../../lib/access/can';
import { documentResourceOf } from '../../lib/documents/DocumentService';
import { inWorkspace } from '../../lib/documents/inWorkspace';
import { getServices } from '../../lib/services';
import { ANONYMOUS_KEY } from '../../lib/offline/localNames';
import { actorOf, readPrincipal } from '../_server/readPrincipal';
import { toDocumentSummary } from '../_server/toDocumentSummary';
import { StartView } from '../_start/StartView';

export const dynamic = 'force-dynamic';

/**
 * The start page: the documents the visitor may view (can() decides), the person's workspaces
 * (`?arbejdsrum=<id>` shows one workspace's documents), and creating for the signed-in.
 */
export default async function StartPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await readPrincipal();
  const actor = actorOf(principal);
  const services = getServices();
  const workspaces = principal
    ? (await services.workspaces.workspacesOf(principal.personId)).map(({ id, name, description }) => ({
        id,
        name,
        description: description ?? null,
      }))
    : [];
  const wanted = (await searchParams).arbejdsrum;
  const active = workspaces.find((workspace) => workspace.id === wanted) ?? null;
  const listed = inWorkspace(await services.documents.list(), active?.id ?? null).flatMap((meta) => {
    const resource = documentResourceOf(meta);
    return can(actor, 'view', resource).allowed ? [{ meta, canEdit: can(actor, 'edit', resource).allowed }] : [];
  });
  // Only for the documents listed (can() already let the visitor view each).
  const latest = await getServices().versions.latestOf(listed.map(({ meta }) => meta.id));
  const documents = listed.map(({ meta, canEdit }) => {
    const version = latest.get(meta.id);
    return {
      ...toDocumentSummary(meta, canEdit),
      state: meta.state,
      consultation: { opensAt: meta.consultation.opensAt, closesAt: meta.consultation.closesAt },
      latestVersion: version ? { number: version.number, kind: version.kind, publishedAt: version.publishedAt } : null,
    };
  });
  return (
    <StartView
      documents={documents}
      personKey={principal?.personId ?? ANONYMOUS_KEY}
      signedIn={principal !== null}
      workspaces={workspaces}
      activeWorkspace={active}
    />
  );
}

import { can } from '../../lib/access/can';
import { documentResourceOf } from '../../lib/documents/DocumentService';
import { getServices } from '../../lib/services';
import { actorOf, readPrincipal } from '../_server/readPrincipal';
import { toDocumentSummary } from '../_server/toDocumentSummary';
import { StartView } from '../_start/StartView';

export const dynamic = 'force-dynamic';

/** The start page: the documents the visitor may view (can() decides), and creating for the signed-in. */
export default async function StartPage() {
  const principal = await readPrincipal();
  const actor = actorOf(principal);
  const documents = (await getServices().documents.list()).flatMap((meta) => {
    const resource = documentResourceOf(meta);
    return can(actor, 'view', resource).allowed ? [toDocumentSummary(meta, can(actor, 'edit', resource).allowed)] : [];
  });
  return <StartView documents={documents} signedIn={principal !== null} />;
}

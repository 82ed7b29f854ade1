import { redirect } from 'next/navigation';
import { getServices } from '../../lib/services';
import { safeNextPath } from '../_shared/schemas';
import { readSession } from '../_server/readSession';
import { toDocumentSummary } from '../_server/toDocumentSummary';
import { NameForm } from '../_start/NameForm';
import { StartView } from '../_start/StartView';

export const dynamic = 'force-dynamic';

/** The start page: a name first (until accounts exist), then the documents. */
export default async function StartPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  const session = await readSession();
  if (!session) return <NameForm next={next} />;
  if (next) redirect(next);
  const documents = await getServices().documents.list();
  return <StartView documents={documents.map(toDocumentSummary)} />;
}

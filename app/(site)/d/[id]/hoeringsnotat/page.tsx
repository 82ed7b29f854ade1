import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { can } from '../../../../../lib/access/can';
import { isValidDocumentId } from '../../../../../lib/documentId';
import { documentResourceOf } from '../../../../../lib/documents/DocumentService';
import { t } from '../../../../../lib/i18n/t';
import { getServices } from '../../../../../lib/services';
import { ConsultationReportView } from '../../../../_consultation/ConsultationReportView';
import { pageParticipant } from '../../../../_consultation/pageParticipant';
import { actorOf, readPrincipal } from '../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

async function findDocument(id: string) {
  return isValidDocumentId(id) ? getServices().documents.get(id) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const meta = await findDocument((await params).id);
  const visible = meta && can(actorOf(await readPrincipal()), 'view', documentResourceOf(meta)).allowed;
  return { title: visible ? t('report.heading', { title: meta.title }) : t('notFound.heading') };
}

/** The høringsnotat of a document, for everyone who may read the document (as the exports). */
export default async function ConsultationReportPage({ params }: Params) {
  const { id } = await params;
  const meta = await findDocument(id);
  if (!meta) notFound();
  const principal = await readPrincipal();
  if (!can(actorOf(principal), 'view', documentResourceOf(meta)).allowed) {
    if (!principal) redirect(`/konto/log-ind?next=${encodeURIComponent(`/d/${id}/hoeringsnotat`)}`);
    notFound();
  }
  const report = await getServices().comments.consultationReport(await pageParticipant(), id);
  return (
    <div className="notat-page">
      <Link href={`/d/${id}`}>← {t('consultation.notat.back')}</Link>
      <ConsultationReportView report={report} />
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { t } from '../../../../../lib/i18n/t';
import { getServices } from '../../../../../lib/services';
import { ConsultationReportView } from '../../../../_consultation/ConsultationReportView';
import { pageParticipant } from '../../../../_consultation/pageParticipant';
import { findViewableDocument, viewableDocument } from '../../../../_server/viewableDocument';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await findViewableDocument((await params).id);
  return { title: found ? t('report.heading', { title: found.meta.title }) : t('notFound.heading') };
}

/** The høringsnotat of a document, for everyone who may read the document (as the exports). */
export default async function ConsultationReportPage({ params }: Params) {
  const { id } = await params;
  await viewableDocument(id, `/d/${id}/hoeringsnotat`);
  const report = await getServices().comments.consultationReport(await pageParticipant(), id);
  return (
    <div className="notat-page">
      <Link href={`/d/${id}`}>← {t('consultation.notat.back')}</Link>
      <ConsultationReportView report={report} />
    </div>
  );
}

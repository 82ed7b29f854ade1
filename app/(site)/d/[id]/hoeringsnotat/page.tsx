import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentError } from '../../../../../lib/comments/CommentError';
import { getT } from '../../../../_server/requestLocale';
import { getServices } from '../../../../../lib/services';
import { parseVersionNumber } from '../../../../../lib/versions/parseVersionNumber';
import { ConsultationReportView } from '../../../../_consultation/ConsultationReportView';
import { pageParticipant } from '../../../../_consultation/pageParticipant';
import { findViewableDocument, viewableDocument } from '../../../../_server/viewableDocument';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };
type PageProps = Params & { searchParams: Promise<{ version?: string | string[] }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const found = await findViewableDocument((await params).id);
  return { title: found ? t('report.heading', { title: found.meta.title }) : t('notFound.heading') };
}

/**
 * The høringsnotat of a document, for everyone who may read the document (as the exports);
 * `?version=<n>`: of that version (the comments written while it was read; not found when the
 * document has no such version).
 */
export default async function ConsultationReportPage({ params, searchParams }: PageProps) {
  const t = await getT();
  const { id } = await params;
  const raw = (await searchParams).version;
  const version = typeof raw === 'string' ? parseVersionNumber(raw) : null;
  if (raw !== undefined && version === null) notFound();
  const viewed = await viewableDocument(id, `/d/${id}/hoeringsnotat${version === null ? '' : `?version=${version}`}`);
  const report = await getServices()
    .comments.consultationReport(await pageParticipant(), viewed.id, version === null ? {} : { version })
    .catch((error: unknown) => {
      if (error instanceof CommentError && error.kind === 'not_found') notFound();
      throw error;
    });
  return (
    <div className="notat-page">
      <Link href={`/d/${id}`}>← {t('consultation.notat.back')}</Link>
      <ConsultationReportView report={report} />
    </div>
  );
}

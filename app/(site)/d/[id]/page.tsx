import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { isValidDocumentId } from '../../../../lib/documentId';
import { t } from '../../../../lib/i18n/t';
import { getServices } from '../../../../lib/services';
import { EditorLoader } from '../../../_editor/EditorLoader';
import { readSession } from '../../../_server/readSession';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

async function findDocument(id: string) {
  return isValidDocumentId(id) ? getServices().documents.get(id) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const meta = await findDocument((await params).id);
  return { title: meta?.title ?? t('notFound.heading') };
}

/** The editor page: unknown documents are a 404; without a name you are asked for one first. */
export default async function DocumentPage({ params }: Params) {
  const { id } = await params;
  const meta = await findDocument(id);
  if (!meta) notFound();
  const session = await readSession();
  if (!session) redirect(`/?next=${encodeURIComponent(`/d/${id}`)}`);
  return (
    <div className="editor-page">
      <div className="editor-bar">
        <div>
          <Link href="/">← {t('nav.allDocuments')}</Link>
          <h1 data-testid="document-title">{meta.title}</h1>
        </div>
      </div>
      <EditorLoader documentId={id} user={{ name: session.name, color: session.color }} readOnly={false} />
    </div>
  );
}

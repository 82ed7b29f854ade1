import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { isValidDocumentId } from '../../../../lib/documentId';
import { t } from '../../../../lib/i18n/t';
import { can } from '../../../../lib/access/can';
import { colourFor } from '../../../../lib/auth/colourFor';
import { documentResourceOf } from '../../../../lib/documents/DocumentService';
import { getServices } from '../../../../lib/services';
import { ANONYMOUS_KEY } from '../../../../lib/offline/localNames';
import { EditorLoader } from '../../../_editor/EditorLoader';
import { SharePanel } from '../../../_editor/SharePanel';
import { AskToCoAuthor } from '../../../_sharing/AskToCoAuthor';
import { actorOf, readPrincipal } from '../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

async function findDocument(id: string) {
  return isValidDocumentId(id) ? getServices().documents.get(id) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const meta = await findDocument((await params).id);
  const visible = meta && can(actorOf(await readPrincipal()), 'view', documentResourceOf(meta)).allowed;
  return { title: visible ? meta.title : t('notFound.heading') };
}

/**
 * The editor page. can() decides: editors write, others read; a signed-out visitor who may not
 * read is asked to sign in, and a signed-in person who may not read gets the 404 (existence hidden).
 */
export default async function DocumentPage({ params }: Params) {
  const { id } = await params;
  const meta = await findDocument(id);
  if (!meta) notFound();
  const principal = await readPrincipal();
  const actor = actorOf(principal);
  const resource = documentResourceOf(meta);
  if (!can(actor, 'view', resource).allowed) {
    if (!principal) redirect(`/konto/log-ind?next=${encodeURIComponent(`/d/${id}`)}`);
    notFound();
  }
  const readOnly = !can(actor, 'edit', resource).allowed;
  const user = principal
    ? { name: principal.label, color: colourFor(principal.personId) }
    : { name: t('presence.reader'), color: colourFor('reader') };
  return (
    <div className="editor-page">
      <div className="editor-bar">
        <div>
          <Link href="/">← {t('nav.allDocuments')}</Link>
          <h1 data-testid="document-title">{meta.title}</h1>
        </div>
      </div>
      <EditorLoader documentId={id} personKey={principal?.personId ?? ANONYMOUS_KEY} user={user} readOnly={readOnly} epoch={meta.epoch} />
      {principal && can(actor, 'manage_access', resource).allowed && <SharePanel documentId={id} selfId={principal.personId} />}
      {principal && readOnly && can(actor, 'view', resource).allowed && <AskToCoAuthor documentId={id} />}
    </div>
  );
}

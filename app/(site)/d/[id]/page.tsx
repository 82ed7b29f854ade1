import type { Metadata } from 'next';
import { getT, requestLocale } from '../../../_server/requestLocale';
import { can } from '../../../../lib/access/can';
import { syncAccessFor } from '../../../../lib/access/syncAccessFor';
import { colourFor } from '../../../../lib/auth/colourFor';
import { ANONYMOUS_KEY } from '../../../../lib/offline/localNames';
import { nextStates, phaseActionFor } from '../../../../lib/documents/phases';
import { EditorLoader } from '../../../_editor/EditorLoader';
import { DocumentBar } from '../../../_docbar/DocumentBar';
import { findViewableDocument, viewableDocument } from '../../../_server/viewableDocument';
import { documentVersions } from '../../../_server/documentVersions';
import { VersionList } from '../../../_versions/VersionList';
import { newestPublished } from '../../../_versions/versionList';
import { getServices } from '../../../../lib/services';
import { FeedbackPanel } from '../../../_consultation/FeedbackPanel';
import { ForumPostPanel } from '../../../_forum/ForumPostPanel';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const found = await findViewableDocument((await params).id);
  return { title: found ? found.meta.title : t('notFound.heading') };
}

/**
 * The editor page. can() decides: editors write, others read; a signed-out visitor who may not
 * read is asked to sign in, and a signed-in person who may not read gets the 404 (existence hidden).
 * The top bar (app/_docbar) shows only what can() allows: the phase moves, publishing, following,
 * asking to co-author and sharing.
 */
export default async function DocumentPage({ params }: Params) {
  const t = await getT();
  const locale = await requestLocale();
  const { id } = await params;
  const { id: documentId, meta, principal, actor, resource } = await viewableDocument(id, `/d/${id}`);
  const readOnly = !can(actor, 'edit', resource).allowed;
  const moves = nextStates(meta.state).filter((to) => can(actor, phaseActionFor(to), resource).allowed);
  const canChangePhase = can(actor, 'change_phase', resource).allowed;
  const hasReport = meta.state === 'consultation' || meta.state === 'final' || meta.state === 'archived';
  const versions = await documentVersions(actor, documentId);
  // Publishing is a version (the dialog), not a plain move.
  const mayPublish = moves.includes('final');
  // Issue 12: whether the signed-in reader follows the document (told of its comments, phases, publications).
  // A forum post (issue 14): its tags, "Synes godt om" and replies instead of the feedback panel.
  const post = await getServices().forum.post(actor, documentId);
  const follow = actor.kind === 'person' ? await getServices().notifications.following(actor, documentId) : null;
  const user = principal
    ? { name: principal.label, color: colourFor(principal.personId) }
    : { name: t('presence.reader'), color: colourFor('reader') };
  return (
    <div className="editor-page">
      <DocumentBar
        documentId={id}
        title={meta.title}
        state={meta.state}
        consultation={meta.consultation}
        visibility={meta.visibility}
        hasReport={hasReport}
        moves={principal && (moves.length > 0 || canChangePhase) ? moves : null}
        publish={
          principal && mayPublish
            ? { nextNumber: (versions[0]?.number ?? 0) + 1, lastPublished: newestPublished(versions)?.number ?? null }
            : null
        }
        follow={follow}
        shareAs={principal && can(actor, 'manage_access', resource).allowed ? principal.personId : null}
        mayAsk={principal !== null && readOnly && can(actor, 'view', resource).allowed}
      />
      <EditorLoader
        documentId={id}
        personKey={principal?.personId ?? ANONYMOUS_KEY}
        user={user}
        readOnly={readOnly}
        access={syncAccessFor(actor, resource) ?? 'view'}
        state={meta.state}
        epoch={meta.epoch}
        comments
        history={can(actor, 'view_history', resource).allowed}
        workshop={!post}
      />
      {post ? <ForumPostPanel initial={post} /> : <FeedbackPanel documentId={id} template={meta.template} />}
      <VersionList documentId={id} versions={versions} t={t} locale={locale} />
    </div>
  );
}

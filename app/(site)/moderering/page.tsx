import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { can } from '../../../lib/access/can';
import { getT } from '../../_server/requestLocale';
import { getServices } from '../../../lib/services';
import { ModerationView } from '../../_consultation/ModerationView';
import { pageParticipant } from '../../_consultation/pageParticipant';
import { readPrincipal } from '../../_server/readPrincipal';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('consultation.moderation.heading') };
}

/**
 * Moderators and admins (can() `moderate` on the platform): the queue of reported comments across
 * the documents they may moderate, and the log. Signed out → sign in; anyone else: not found.
 */
export default async function ModerationPage() {
  const principal = await readPrincipal();
  if (!principal) redirect(`/konto/log-ind?next=${encodeURIComponent('/moderering')}`);
  if (!can(principal.actor, 'moderate', { kind: 'platform' }).allowed) notFound();
  const participant = await pageParticipant();
  const comments = getServices().comments;
  const [queue, log] = await Promise.all([comments.queue(participant), comments.log(participant, { limit: 100 })]);
  return <ModerationView queue={queue} log={log} />;
}

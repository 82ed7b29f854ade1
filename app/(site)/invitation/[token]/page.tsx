import type { Metadata } from 'next';
import Link from 'next/link';
import { isDomainError } from '../../../../lib/errors/DomainError';
import { getT } from '../../../_server/requestLocale';
import { getServices } from '../../../../lib/services';
import { readPrincipal } from '../../../_server/readPrincipal';
import { AcceptInvitation } from '../../../_sharing/AcceptInvitation';
import { ROLE_LABELS } from '../../../_sharing/roleLabels';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('invitation.title'), referrer: 'no-referrer' };
}

type Params = { params: Promise<{ token: string }> };

async function inspect(token: string) {
  try {
    return await getServices().sharing.inspectInvite(token);
  } catch (error) {
    if (isDomainError(error) && error.code === 'invite_unknown') return null;
    throw error;
  }
}

/**
 * Where an invite link leads. Signed out: sign in or sign up, then back here; signed in: one
 * button accepts (a page load alone never grants anything), then the editor opens.
 */
export default async function InvitationPage({ params }: Params) {
  const t = await getT();
  const { token } = await params;
  const found = await inspect(token);
  if (!found || found.status !== 'active') {
    const message = !found ? t('invitation.unknown') : found.status === 'expired' ? t('invitation.expired') : t('invitation.revoked');
    return (
      <div className="page-message">
        <h1>{t('invitation.title')}</h1>
        <p role="alert">{message}</p>
        <p>
          <Link href="/">{t('notFound.back')}</Link>
        </p>
      </div>
    );
  }
  const meta = await getServices().documents.get(found.invite.documentId);
  const principal = await readPrincipal();
  const here = `/invitation/${token}`;
  return (
    <div className="card invitation">
      <h1>{t(`invitation.heading.${found.invite.role}`)}</h1>
      <p>{t('invitation.body', { role: t(ROLE_LABELS[found.invite.role]), title: meta?.title ?? '' })}</p>
      <p>{t(`invitation.can.${found.invite.role}`)}</p>
      {principal ? (
        <AcceptInvitation token={token} />
      ) : (
        <>
          <p>{t('invitation.signedOut')}</p>
          <p className="invitation__actions">
            <Link className="button" href={`/konto/opret?next=${encodeURIComponent(here)}`}>
              {t('invitation.signUp')}
            </Link>{' '}
            <Link className="button button--secondary" href={`/konto/log-ind?next=${encodeURIComponent(here)}`}>
              {t('invitation.signIn')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { getT } from '../_server/requestLocale';
import { getServices } from '../../lib/services';
import { OfflineNotice } from '../_offline/OfflineNotice';
import type { ActingForChoice } from './ActingForForm';
import { HeaderActingFor } from './HeaderActingFor';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { SignOutButton } from './SignOutButton';

export interface ShellPerson {
  /** Whose local data this browser holds (the person id; see lib/offline/localNames.ts): signing out deletes it. */
  readonly personKey: string;
  readonly name: string;
  readonly color: string;
  /** Shows the link to the admin page (can() `administer`). */
  readonly admin: boolean;
  /** Shows the link to the moderation page (can() `moderate` on the platform: moderators and admins). */
  readonly moderator: boolean;
  /** The person's own name (without an organisation), for the acting-for choice. */
  readonly ownName: string;
  /** The organisations the person belongs to; none: no acting-for choice in the header. */
  readonly organisations: readonly ActingForChoice[];
  readonly actingFor: string | null;
  /** Unread notifications the person may still read (the bell's count). */
  readonly unread: number;
}

/** Skip link, header with the product name (and who is signed in, its links a nav), the main landmark and the footer. */
export async function SiteShell({ person, children }: { person: ShellPerson | null; children: ReactNode }) {
  const t = await getT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" href="/">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <HeaderSearch t={t} />
          {person ? (
            <nav className="site-header__person" aria-label={t('nav.site')}>
              <span>
                <span className="person-dot" style={{ background: person.color }} aria-hidden="true" />
                {t('header.signedInAs', { name: person.name })}
              </span>
              {person.organisations.length > 0 && (
                <HeaderActingFor name={person.ownName} organisations={person.organisations} current={person.actingFor} />
              )}
              <Link href="/forum">{t('forum.nav')}</Link>
              <NotificationBell unread={person.unread} t={t} />
              {person.moderator && <Link href="/moderering">{t('consultation.moderation.headerLink')}</Link>}
              {person.admin && <Link href="/admin">{t('header.admin')}</Link>}
              <Link href="/konto">{t('header.account')}</Link>
              <SignOutButton personKey={person.personKey} />
              <LanguageSwitch />
            </nav>
          ) : (
            <nav className="site-header__person" aria-label={t('nav.site')}>
              <Link href="/forum">{t('forum.nav')}</Link>
              <Link href="/konto/log-ind">{t('account.signIn.link')}</Link>
              <Link href="/konto/opret">{t('account.signUp.link')}</Link>
              <LanguageSwitch />
            </nav>
          )}
        </div>
      </header>
      <OfflineNotice />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <a href={getServices().config.ACCESSIBILITY_STATEMENT_URL}>{t('footer.accessibilityStatement')}</a>
      </footer>
    </>
  );
}

import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { formatDateTime } from '../../../lib/i18n/format';
import { getT, requestLocale } from '../../_server/requestLocale';
import { notificationPath } from '../../../lib/notifications/notificationPath';
import { notificationText } from '../../../lib/notifications/notificationText';
import { getServices } from '../../../lib/services';
import { MarkAllRead } from '../../_notifications/MarkAllRead';
import { NotificationLink } from '../../_notifications/NotificationLink';
import { readPrincipal } from '../../_server/readPrincipal';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('notifications.heading') };
}

/** How many of the newest notifications the page shows. */
const PAGE_LIMIT = 100;

/**
 * The signed-in person's notifications (issue 12), newest first, each linking to its document; what
 * they may no longer read is not shown (can() asked now). Unread ones say so in text. Signed out: sign in.
 */
export default async function NotificationsPage() {
  const t = await getT();
  const locale = await requestLocale();
  const principal = await readPrincipal();
  if (!principal) redirect(`/konto/log-ind?next=${encodeURIComponent('/notifikationer')}`);
  if (principal.actor.kind !== 'person') notFound();
  const { unread, items } = await getServices().notifications.list(principal.actor, { limit: PAGE_LIMIT });
  const summary =
    unread === 0
      ? t('notifications.summary.none')
      : unread === 1
        ? t('notifications.summary.one')
        : t('notifications.summary.many', { count: unread });
  return (
    <section className="card notifications" aria-labelledby="notifications-heading">
      <h1 id="notifications-heading">{t('notifications.heading')}</h1>
      {items.length === 0 ? (
        <p data-testid="notifications-empty">{t('notifications.empty')}</p>
      ) : (
        <>
          <p data-testid="notifications-summary">{summary}</p>
          <MarkAllRead unread={unread} />
          <ol className="notifications__list" data-testid="notifications-list">
            {items.map((item) => (
              <li key={item.id} className={item.read ? 'notification' : 'notification notification--unread'} data-testid="notification">
                <span className="badge notification__state">{item.read ? t('notifications.read') : t('notifications.unread')}</span>
                <NotificationLink id={item.id} href={notificationPath(item)} read={item.read}>
                  {notificationText(t, item)}
                </NotificationLink>
                <time className="notification__time" dateTime={item.at}>
                  {formatDateTime(item.at, locale)}
                </time>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

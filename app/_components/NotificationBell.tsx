import Link from 'next/link';
import type { Translate } from '../../lib/i18n/t';

/**
 * The header's link to /notifikationer; the unread count is text, not a coloured dot alone. The
 * link's name is its own text ("Notifikationer 3 ulæste", the last word visually hidden), so the
 * visible words are part of the spoken name (WCAG 2.5.3, axe label-content-name-mismatch).
 */
export function NotificationBell({ unread, t }: { unread: number; t: Translate }) {
  return (
    <Link className="notification-bell" href="/notifikationer" data-testid="notification-bell">
      <svg className="notification-bell__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {t('notifications.bell')}
      {unread > 0 && (
        <>
          {' '}
          <span className="notification-bell__count">{unread}</span>
          <span className="visually-hidden"> {unread === 1 ? t('notifications.bell.unreadOne') : t('notifications.bell.unread')}</span>
        </>
      )}
    </Link>
  );
}

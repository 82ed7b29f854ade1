'use client';
import type { ReactNode } from 'react';
import { formatTime } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { Locale } from '../../lib/i18n/messages';
import type { SyncStatus } from '../../lib/sync/SyncStatus';

/** The status in words, e.g. "Gemt kl. 14.05" or "Offline – ændringer venter …". */
export interface StatusContext {
  readonly readOnly: boolean;
  /** Connected with a sync token (embed) rather than the session cookie. */
  readonly withToken: boolean;
}

export function describeStatus(status: SyncStatus, context: StatusContext, t: Translate, locale: Locale): string {
  // Whether changes wait, not how many: the tracker counts Yjs updates (a keystroke each), which is
  // not what a person calls a change.
  switch (status.kind) {
    case 'connecting':
      return status.pending ? t('status.connecting.waiting') : t('status.connecting');
    case 'reconnecting':
      return status.pending > 0 ? t('status.reconnecting.waiting') : t('status.reconnecting');
    case 'offline':
      return status.pending > 0 ? t('status.offline.waiting') : t('status.offline');
    case 'saving':
      return t('status.saving.waiting');
    case 'saved':
      if (context.readOnly) return t('status.connected');
      return status.savedAt === null ? t('status.saved') : t('status.savedAt', { time: formatTime(status.savedAt, locale) });
    case 'closed':
      return t('status.closed');
  }
}

/** Why the server ended the connection for good, in words a person can act on. */
export function closedMessage(code: number, withToken: boolean, t: Translate): string {
  switch (code) {
    case 4401:
      return withToken ? t('closed.unauthenticated') : t('closed.sessionExpired');
    case 4403:
      return t('closed.forbidden');
    case 4404:
      return t('closed.notFound');
    case 4413:
      return t('closed.tooLarge');
    case 4400:
      return t('closed.badMessage');
    case 4409:
      return t('closed.staleEpoch');
    case 4423:
      // Close.published: the editor goes on as a reader and says so (PublishedNotice); never an error.
      return t('published.plain');
    default:
      return t('closed.other', { code });
  }
}

/**
 * A polite live region, so screen readers hear "Gemt" and "Offline …" without losing their place.
 * A `notice` (the document was published) takes the place of the connection's state, which is then
 * added only when it is bad news (offline, reconnecting).
 */
export function SyncStatusText({ status, context, notice }: { status: SyncStatus; context: StatusContext; notice?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const troubled = status.kind === 'offline' || status.kind === 'reconnecting';
  return (
    <p
      className="sync-status"
      role="status"
      aria-live="polite"
      data-kind={status.kind}
      // The tracker's own count (Yjs updates), for tests that wait for the local copy to store it.
      data-pending={status.kind === 'saved' ? 0 : (status.pending ?? 0)}
      data-testid="sync-status"
    >
      {notice ? (
        <>
          {notice}
          {troubled && ` · ${describeStatus(status, context, t, locale)}`}
        </>
      ) : (
        describeStatus(status, context, t, locale)
      )}
    </p>
  );
}

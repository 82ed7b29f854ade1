'use client';
import type { ReactNode } from 'react';
import { formatTime } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { Locale } from '../../lib/i18n/messages';
import type { SyncStatus } from '../../lib/sync/SyncStatus';

/** The status in words, e.g. "Gemt kl. 14.05" or "Gemmer … (3 ændringer)". */
export interface StatusContext {
  readonly readOnly: boolean;
  /** Connected with a sync token (embed) rather than the session cookie. */
  readonly withToken: boolean;
}

export function describeStatus(status: SyncStatus, context: StatusContext, t: Translate, locale: Locale): string {
  switch (status.kind) {
    case 'connecting':
      if (!status.pending) return t('status.connecting');
      return status.pending === 1 ? t('status.connecting.one') : t('status.connecting.other', { n: status.pending });
    case 'reconnecting':
      if (status.pending === 0) return t('status.reconnecting');
      return status.pending === 1 ? t('status.reconnecting.one') : t('status.reconnecting.other', { n: status.pending });
    case 'offline':
      if (status.pending === 0) return t('status.offline');
      return status.pending === 1 ? t('status.offline.one') : t('status.offline.other', { n: status.pending });
    case 'saving':
      return status.pending === 1 ? t('status.saving.one') : t('status.saving.other', { n: status.pending });
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
    <p className="sync-status" role="status" aria-live="polite" data-kind={status.kind} data-testid="sync-status">
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

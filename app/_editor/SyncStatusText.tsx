'use client';
import { formatTime } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { Locale } from '../../lib/i18n/messages';
import type { SyncStatus } from '../../lib/sync/SyncStatus';

/** The status in words, e.g. "Gemt kl. 14.05" or "Gemmer … (3 ændringer)". */
export function describeStatus(status: SyncStatus, readOnly: boolean, t: Translate, locale: Locale): string {
  switch (status.kind) {
    case 'connecting':
      return t('status.connecting');
    case 'reconnecting':
      if (status.pending === 0) return t('status.reconnecting');
      return status.pending === 1 ? t('status.reconnecting.one') : t('status.reconnecting.other', { n: status.pending });
    case 'offline':
      return t('status.offline');
    case 'saving':
      return status.pending === 1 ? t('status.saving.one') : t('status.saving.other', { n: status.pending });
    case 'saved':
      if (readOnly) return t('status.connected');
      return status.savedAt === null ? t('status.saved') : t('status.savedAt', { time: formatTime(status.savedAt, locale) });
    case 'closed':
      return closedMessage(status.code, t);
  }
}

function closedMessage(code: number, t: Translate): string {
  switch (code) {
    case 4401:
      return t('closed.unauthenticated');
    case 4403:
      return t('closed.forbidden');
    case 4404:
      return t('closed.notFound');
    case 4413:
      return t('closed.tooLarge');
    case 4400:
      return t('closed.badMessage');
    default:
      return t('closed.other', { code });
  }
}

/** A polite live region, so screen readers hear "Gemt" and "Offline …" without losing their place. */
export function SyncStatusText({ status, readOnly }: { status: SyncStatus; readOnly: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="sync-status" role="status" aria-live="polite" data-kind={status.kind} data-testid="sync-status">
      {describeStatus(status, readOnly, t, locale)}
    </p>
  );
}

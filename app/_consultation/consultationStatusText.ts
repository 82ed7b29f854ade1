/**
 * The one sentence everyone sees about a document's consultation ("Offentlig høring til 15.
 * december", "Høringen er lukket"), or null when the document is not and was not in one.
 */
import type { DocumentState } from '../../lib/access/model';
import { TIME_ZONE } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/messages';
import type { Translate } from '../../lib/i18n/t';

export interface ConsultationDates {
  readonly state: DocumentState;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
}

/** "15. december", with the year when it is not this year's. */
export function formatDay(value: string, locale: Locale, now: Date): string {
  const date = new Date(value);
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE }).format(d);
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    ...(year(date) !== year(now) && { year: 'numeric' }),
    timeZone: TIME_ZONE,
  }).format(date);
}

export function consultationStatusText(view: ConsultationDates, now: Date, t: Translate, locale: Locale): string | null {
  const at = now.getTime();
  if (view.state === 'consultation') {
    if (view.opensAt && at < Date.parse(view.opensAt))
      return t('consultation.phaseStatus.opens', { date: formatDay(view.opensAt, locale, now) });
    if (view.closesAt && at >= Date.parse(view.closesAt)) return t('consultation.phaseStatus.closed');
    return view.closesAt
      ? t('consultation.phaseStatus.openUntil', { date: formatDay(view.closesAt, locale, now) })
      : t('consultation.phaseStatus.open');
  }
  if ((view.state === 'final' || view.state === 'archived') && view.closesAt) return t('consultation.phaseStatus.closed');
  return null;
}

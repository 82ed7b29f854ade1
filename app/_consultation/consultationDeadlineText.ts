/**
 * The start page's short line about a consultation's dates ("Høring til 15. dec.", "Consultation
 * until 15 Dec"), beside the phase badge; null when there is nothing to add to the badge.
 */
import { TIME_ZONE } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/messages';
import type { Translate } from '../../lib/i18n/t';
import type { ConsultationDates } from './consultationStatusText';

/** "15. dec." / "15 Dec", with the year when it is not this year's. */
export function formatShortDay(value: string, locale: Locale, now: Date): string {
  const date = new Date(value);
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE }).format(d);
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    ...(year(date) !== year(now) && { year: 'numeric' }),
    timeZone: TIME_ZONE,
  }).format(date);
}

export function consultationDeadlineText(view: ConsultationDates, now: Date, t: Translate, locale: Locale): string | null {
  if (view.state !== 'consultation') return null;
  const at = now.getTime();
  if (view.opensAt && at < Date.parse(view.opensAt))
    return t('start.consultation.opens', { date: formatShortDay(view.opensAt, locale, now) });
  if (view.closesAt && at >= Date.parse(view.closesAt)) return t('consultation.phaseStatus.closed');
  return view.closesAt ? t('start.consultation.until', { date: formatShortDay(view.closesAt, locale, now) }) : null;
}

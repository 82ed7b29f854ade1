import { DEFAULT_LOCALE } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/t';
import { consultationStatusText, type ConsultationDates } from './consultationStatusText';

/** Everyone's line about the consultation ("Offentlig høring til 15. december"); nothing outside one. Server-rendered. */
export function ConsultationStatus({ consultation }: { consultation: ConsultationDates }) {
  const text = consultationStatusText(consultation, new Date(), t, DEFAULT_LOCALE);
  if (!text) return null;
  return (
    <p className="consultation-status" data-testid="consultation-status">
      {text}
    </p>
  );
}

import { getT, requestLocale } from '../_server/requestLocale';
import { consultationStatusText, type ConsultationDates } from './consultationStatusText';

/** Everyone's line about the consultation ("Offentlig høring til 15. december"); nothing outside one. Server-rendered. */
export async function ConsultationStatus({ consultation }: { consultation: ConsultationDates }) {
  const t = await getT();
  const locale = await requestLocale();
  const text = consultationStatusText(consultation, new Date(), t, locale);
  if (!text) return null;
  return (
    <p className="consultation-status" data-testid="consultation-status">
      {text}
    </p>
  );
}

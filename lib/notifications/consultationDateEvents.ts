import type { DocumentMeta } from '../storage/MetadataStore';
import type { NotificationEvent } from './model';

/**
 * The openings and closings a consultation's own dates made within (since, until]: no act stores
 * them, the clock does, so a sweep asks for them (startConsultationSweep). Only documents in
 * consultation; the event ids name the document and the date, so a sweep that looks at the same
 * moment twice (a restart, another node) tells nobody twice.
 */
export function consultationDateEvents(metas: readonly DocumentMeta[], since: Date, until: Date): NotificationEvent[] {
  const within = (at: string | null) => at !== null && Date.parse(at) > since.getTime() && Date.parse(at) <= until.getTime();
  const events: NotificationEvent[] = [];
  for (const meta of metas) {
    if (meta.state !== 'consultation') continue;
    const { opensAt, closesAt } = meta.consultation;
    const base = {
      kind: 'phase_changed',
      documentId: meta.id,
      actor: { personId: null, name: '' },
      from: 'consultation',
      to: 'consultation',
    } as const;
    if (within(opensAt)) events.push({ ...base, eventId: `consultation-opens:${meta.id}:${opensAt}`, consultation: 'opened' });
    if (within(closesAt)) events.push({ ...base, eventId: `consultation-closes:${meta.id}:${closesAt}`, consultation: 'closed' });
  }
  return events;
}

/**
 * A consultation's dates against a clock. The only place that reads time for access: resources are
 * built with `consultationResourceOf(settings, now)`, and can() judges the `timing` they carry.
 * Browser-safe.
 */
import type { ConsultationResource, ConsultationSettings, ConsultationTiming, DocumentState } from './model';

/** New documents, and documents stored before consultations had settings: open to everyone signed in, no guests, no dates. */
export const DEFAULT_CONSULTATION: ConsultationSettings = {
  opensAt: null,
  closesAt: null,
  citizensMayComment: true,
  organisationsMayComment: true,
  guestsMayComment: false,
};

/** Before `opensAt`, from `closesAt` on (the closing moment itself is closed), or open in between. */
export function consultationTiming(settings: Pick<ConsultationSettings, 'opensAt' | 'closesAt'>, now: Date): ConsultationTiming {
  const at = now.getTime();
  if (settings.opensAt !== null && at < Date.parse(settings.opensAt)) return 'before';
  if (settings.closesAt !== null && at >= Date.parse(settings.closesAt)) return 'after';
  return 'open';
}

/** True while a document in consultation is within its dates: the audience the settings name may comment. */
export function isConsultationOpen(state: DocumentState, settings: Pick<ConsultationSettings, 'opensAt' | 'closesAt'>, now: Date): boolean {
  return state === 'consultation' && consultationTiming(settings, now) === 'open';
}

/** The settings as can() judges them at `now`. */
export function consultationResourceOf(settings: ConsultationSettings, now: Date): ConsultationResource {
  return {
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
    citizensMayComment: settings.citizensMayComment,
    organisationsMayComment: settings.organisationsMayComment,
    guestsMayComment: settings.guestsMayComment,
    timing: consultationTiming(settings, now),
  };
}

/** Stored settings with every field present: records written before a field existed get its default. */
export function withConsultationDefaults(stored: Partial<ConsultationSettings> | undefined | null): ConsultationSettings {
  return {
    opensAt: typeof stored?.opensAt === 'string' ? stored.opensAt : DEFAULT_CONSULTATION.opensAt,
    closesAt: typeof stored?.closesAt === 'string' ? stored.closesAt : DEFAULT_CONSULTATION.closesAt,
    citizensMayComment:
      typeof stored?.citizensMayComment === 'boolean' ? stored.citizensMayComment : DEFAULT_CONSULTATION.citizensMayComment,
    organisationsMayComment:
      typeof stored?.organisationsMayComment === 'boolean' ? stored.organisationsMayComment : DEFAULT_CONSULTATION.organisationsMayComment,
    guestsMayComment: typeof stored?.guestsMayComment === 'boolean' ? stored.guestsMayComment : DEFAULT_CONSULTATION.guestsMayComment,
  };
}

/**
 * The settings after a change (fields left out keep their value), or why not: the closing must come
 * after the opening (`closes_before_opens`).
 */
export function changedConsultation(
  current: ConsultationSettings,
  change: Partial<ConsultationSettings>,
): { readonly ok: true; readonly settings: ConsultationSettings } | { readonly ok: false; readonly code: 'closes_before_opens' } {
  const settings = withConsultationDefaults({
    ...current,
    ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
  });
  if (settings.opensAt !== null && settings.closesAt !== null && Date.parse(settings.closesAt) <= Date.parse(settings.opensAt))
    return { ok: false, code: 'closes_before_opens' };
  return { ok: true, settings };
}

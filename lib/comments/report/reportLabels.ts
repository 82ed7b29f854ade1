/** Words the three report renderers share, from the message catalogue. */
import { formatDateTime } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import { translator, type Translate } from '../../i18n/t';
import type { AnswerStatus, ReportGround, SuggestionDecision } from '../model';
import type { ConsultationReport } from './buildConsultationReport';

export interface ReportLabels {
  readonly t: Translate;
  readonly locale: Locale;
  readonly date: (iso: string) => string;
  readonly status: (status: AnswerStatus) => string;
  readonly decision: (decision: SuggestionDecision) => string;
  readonly ground: (ground: ReportGround) => string;
  /** "1. marts 2027 – 15. marts 2027", or what is known of it; null without dates. */
  readonly period: (report: ConsultationReport) => string | null;
}

export function reportLabels(locale: Locale): ReportLabels {
  const t = translator(locale);
  const date = (iso: string) => formatDateTime(iso, locale);
  const statusLabels: Record<AnswerStatus, string> = {
    taken_into_account: t('comments.answer.taken_into_account'),
    partly: t('comments.answer.partly'),
    not_taken_into_account: t('comments.answer.not_taken_into_account'),
  };
  const decisionLabels: Record<SuggestionDecision, string> = {
    accepted: t('comments.decision.accepted'),
    declined: t('comments.decision.declined'),
  };
  const groundLabels: Record<ReportGround, string> = {
    offensive: t('comments.ground.offensive'),
    personal_data: t('comments.ground.personal_data'),
    spam: t('comments.ground.spam'),
    off_topic: t('comments.ground.off_topic'),
    other: t('comments.ground.other'),
  };
  return {
    t,
    locale,
    date,
    status: (status) => statusLabels[status],
    decision: (decision) => decisionLabels[decision],
    ground: (ground) => groundLabels[ground],
    period(report) {
      if (report.opensAt && report.closesAt) return t('report.period.between', { from: date(report.opensAt), to: date(report.closesAt) });
      if (report.opensAt) return t('report.period.from', { from: date(report.opensAt) });
      if (report.closesAt) return t('report.period.until', { to: date(report.closesAt) });
      return null;
    },
  };
}

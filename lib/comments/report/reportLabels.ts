/** Words the report renderers (HTML, Markdown, CSV and the page) share, from the message catalogue. */
import { formatDateTime } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import { type Translate } from '../../i18n/t';
import { translator } from '../../i18n/translator';
import { REPORT_GROUNDS, type AnswerStatus, type FeedbackCategory, type ReportGround, type SuggestionDecision } from '../model';
import type { ConsultationReport, ReportItem } from './buildConsultationReport';
import type { ReportSection } from './reportSections';
import { changeAnchor } from '../../versions/compare/renderComparison';

export interface ReportLabels {
  readonly t: Translate;
  readonly locale: Locale;
  readonly date: (iso: string) => string;
  readonly status: (status: AnswerStatus) => string;
  readonly decision: (decision: SuggestionDecision) => string;
  readonly ground: (ground: ReportGround) => string;
  /** "1. marts 2027 – 15. marts 2027", or what is known of it; null without dates. */
  readonly period: (report: ConsultationReport) => string | null;
  /** The overview's counts, each with its label, in the order the report shows them. */
  readonly totals: (report: ConsultationReport) => readonly (readonly [label: string, count: number])[];
  /** The grounds comments were hidden on (those with any), each with its label and count. */
  readonly hiddenGrounds: (report: ConsultationReport) => readonly (readonly [label: string, count: number])[];
  /** "Name (Organisation)", or the name alone. */
  readonly author: (by: { readonly author: string; readonly organisation: string | null }) => string;
  /** An item's heading: "Kommentar fra …" or "Ændringsforslag fra …". */
  readonly itemTitle: (item: ReportItem) => string;
  /** An item's line under the heading: date · supports (· resolved). */
  readonly itemMeta: (item: ReportItem) => string;
  /** A section's heading: the document's own heading, "Indledning", or the passages that are gone. */
  readonly sectionTitle: (section: ReportSection) => string;
  /** "Notatet gælder version 2 (høringsudkastet) af …", or null for a report of every comment. */
  readonly version: (report: ConsultationReport) => string | null;
  /** One line per consulted organisation: whether it responded, and with how many. */
  readonly consulted: (report: ConsultationReport) => readonly string[];
  /** Where the compare view shows what a version's consultation changed (null without a version). */
  readonly compareHref: (report: ConsultationReport) => string | null;
  /** An accepted suggestion's link: to its own change (`#change-<n>`) when known, else the compare view; null without a version. */
  readonly changeHref: (report: ConsultationReport, item: ReportItem) => string | null;
  /** The words of that link ("Se ændring 3 …", or the compare view's). */
  readonly changeLink: (item: ReportItem) => string;
  /** A feedback category's name ("Det fungerer godt", "Spørgsmål", "Forslag til forbedring"). */
  readonly category: (category: FeedbackCategory) => string;
  /** The feedback's counts in one sentence; null when the report has no feedback section. */
  readonly feedbackSummary: (report: ConsultationReport) => string | null;
  /** A category's heading with its count, and the line naming its most supported item (null without one). */
  readonly feedbackCategory: (group: { readonly category: FeedbackCategory; readonly items: readonly unknown[] }) => string;
  readonly feedbackTop: (group: { readonly top: ReportItem | null }) => string | null;
}

/** At most 140 characters of an item's text on one line, for the "most supported" line. */
function shortText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 139).trimEnd()}…` : line;
}

export function reportLabels(locale: Locale): ReportLabels {
  const t = translator(locale);
  const date = (iso: string) => formatDateTime(iso, locale);
  const statusLabels: Record<AnswerStatus, string> = {
    taken_into_account: t('comments.answer.taken_into_account'),
    partly: t('comments.answer.partly'),
    not_taken_into_account: t('comments.answer.not_taken_into_account'),
    noted: t('comments.answer.noted'),
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
  const categoryLabels: Record<FeedbackCategory, string> = {
    works: t('feedback.category.works'),
    questions: t('feedback.category.questions'),
    suggestions: t('feedback.category.suggestions'),
  };
  const author = (by: { readonly author: string; readonly organisation: string | null }) =>
    // Affiliation in words of its own, never as name text: display names cannot end in brackets, and a
    // verified membership reads differently from anything a person can type as a name.
    by.organisation ? t('report.authorOnBehalfOf', { author: by.author, organisation: by.organisation }) : by.author;
  const compareHref = ({ documentId, version }: ConsultationReport) =>
    version
      ? `/d/${encodeURIComponent(documentId)}/versions/compare?from=${version.number}&to=${version.next ? version.next.number : 'current'}`
      : null;
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
    totals: ({ totals }) => [
      [t('report.totals.comments'), totals.comments],
      [t('report.totals.suggestions'), totals.suggestions],
      [t('report.totals.replies'), totals.replies],
      [t('report.totals.supports'), totals.supports],
      [t('report.totals.answered'), totals.answered],
      [t('report.totals.hidden'), totals.hidden],
      [t('report.totals.withdrawn'), totals.withdrawn],
    ],
    hiddenGrounds: (report) =>
      REPORT_GROUNDS.filter((ground) => report.hiddenByGround[ground] > 0).map(
        (ground) => [groundLabels[ground], report.hiddenByGround[ground]] as const,
      ),
    author,
    itemTitle: (item) =>
      item.kind === 'suggestion'
        ? t('report.item.suggestion', { author: author(item) })
        : item.kind === 'feedback'
          ? t('report.item.feedback', { author: author(item) })
          : t('report.item.comment', { author: author(item) }),
    category: (category) => categoryLabels[category],
    feedbackSummary: ({ feedback }) => (feedback ? t('report.feedback.summary', feedback.counts) : null),
    feedbackCategory: (group) => t('report.feedback.category', { category: categoryLabels[group.category], n: group.items.length }),
    feedbackTop: ({ top }) => (top ? t('report.feedback.top', { text: shortText(top.text), n: top.supportCount }) : null),
    sectionTitle: (section) =>
      section.kind === 'heading' ? section.heading : section.kind === 'untitled' ? t('report.section.untitled') : t('report.orphaned'),
    version: ({ version }) =>
      version
        ? t('report.version', { n: version.number, kind: t(`report.version.${version.kind}`), date: date(version.publishedAt) })
        : null,
    consulted: ({ consulted }) =>
      consulted.map((o) =>
        o.responded ? t('report.consulted.responded', { name: o.name, n: o.items }) : t('report.consulted.silent', { name: o.name }),
      ),
    compareHref,
    changeHref(report, item) {
      const href = compareHref(report);
      return href && item.change !== undefined ? `${href}#${changeAnchor(item.change)}` : href;
    },
    changeLink: (item) => (item.change !== undefined ? t('report.item.compareChange', { n: item.change }) : t('report.item.compare')),
    itemMeta: (item) =>
      [
        date(item.createdAt),
        t('report.item.supports', { n: item.supportCount }),
        ...(item.resolved ? [t('report.item.resolved')] : []),
      ].join(' · '),
  };
}

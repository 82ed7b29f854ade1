import type { ConsultationReport } from '../../lib/comments/report/buildConsultationReport';
import type { ReportLabels } from '../../lib/comments/report/reportLabels';
import { getT } from '../_server/requestLocale';
import { ReportEntry } from './ConsultationReportView';

/**
 * The høringsnotat page's feedback section (the feedback model): the counts, then each category
 * with its most supported item named and its feedback, as the exports show it.
 */
export async function FeedbackReportSection({ report, labels }: { report: ConsultationReport; labels: ReportLabels }) {
  const t = await getT();
  const feedback = report.feedback;
  if (!feedback) return null;
  return (
    <section className="notat__body" aria-labelledby="notat-feedback" data-testid="notat-feedback">
      <h2 id="notat-feedback">{t('report.feedback')}</h2>
      <p>{labels.feedbackSummary(report)}</p>
      {feedback.groups.map((group) => {
        const top = labels.feedbackTop(group);
        return (
          <section key={group.category} className="card notat__group" aria-labelledby={`notat-feedback-${group.category}`}>
            <h3 id={`notat-feedback-${group.category}`}>{labels.feedbackCategory(group)}</h3>
            {top && <p>{top}</p>}
            {group.items.length === 0 && <p>{t('report.feedback.none')}</p>}
            {group.items.map((item) => (
              <ReportEntry key={item.id} item={item} showQuote={false} labels={labels} changeHref={null} headingLevel={4} />
            ))}
          </section>
        );
      })}
    </section>
  );
}

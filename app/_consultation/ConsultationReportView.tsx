import type { ConsultationReport, ReportItem } from '../../lib/comments/report/buildConsultationReport';
import { reportLabels, type ReportLabels } from '../../lib/comments/report/reportLabels';
import { reportSections } from '../../lib/comments/report/reportSections';
import { getT, requestLocale } from '../_server/requestLocale';
import { CommentText } from './CommentText';
import { FeedbackReportSection } from './FeedbackReportSection';

/**
 * The høringsnotat as a page (server-rendered): the same data and words as the HTML, Markdown
 * and CSV exports (lib/comments/report), with download links for those. Plain text throughout.
 */
export async function ConsultationReportView({ report }: { report: ConsultationReport }) {
  const t = await getT();
  const locale = await requestLocale();
  const labels = reportLabels(locale);
  const period = labels.period(report);
  const base = `/api/documents/${encodeURIComponent(report.documentId)}/report`;
  // The downloads are of the same notat: of the version this one is of, if any.
  const of = report.version ? `&version=${report.version.number}` : '';
  const hiddenGrounds = labels.hiddenGrounds(report);
  const version = labels.version(report);
  const consulted = labels.consulted(report);
  return (
    <article className="notat">
      <h1>{t('report.heading', { title: report.title })}</h1>
      <p className="hint">
        {t('report.generated', { date: labels.date(report.generatedAt) })}
        {period && (
          <>
            <br />
            {t('report.period', { period })}
          </>
        )}
        {version && (
          <>
            <br />
            {version}
          </>
        )}
      </p>
      <nav className="notat__downloads" aria-label={t('consultation.notat.downloads')}>
        <a className="button button--secondary button--small" href={`${base}?format=html&download=1${of}`} download>
          {t('consultation.notat.html')}
        </a>
        <a className="button button--secondary button--small" href={`${base}?format=md${of}`} download>
          {t('consultation.notat.markdown')}
        </a>
        <a className="button button--secondary button--small" href={`${base}?format=csv${of}`} download>
          {t('consultation.notat.csv')}
        </a>
        <a className="button button--secondary button--small" href={`${base}?format=csv&sep=semicolon${of}`} download>
          {t('consultation.notat.csvExcel')}
        </a>
      </nav>
      <section className="card" aria-labelledby="notat-overblik">
        <h2 id="notat-overblik">{t('report.summary')}</h2>
        <dl className="notat__totals">
          {labels.totals(report).map(([label, n]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
        {hiddenGrounds.length > 0 && (
          <>
            <p>{t('report.hiddenGrounds')}</p>
            <ul>
              {hiddenGrounds.map(([label, n]) => (
                <li key={label}>
                  {label}: {n}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="notat-hoeringsparter">
        <h2 id="notat-hoeringsparter">{t('report.consulted')}</h2>
        {consulted.length > 0 ? (
          <ul>
            {consulted.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p>{t('report.consulted.none')}</p>
        )}
      </section>
      <section className="notat__body" aria-labelledby="notat-afsnit">
        <h2 id="notat-afsnit">{t('report.byPassage')}</h2>
        {report.groups.length === 0 && <p>{t('report.none')}</p>}
        {reportSections(report).map((section, sectionIndex) => (
          <section key={sectionIndex} aria-labelledby={`notat-overskrift-${sectionIndex + 1}`}>
            <h3 id={`notat-overskrift-${sectionIndex + 1}`}>{labels.sectionTitle(section)}</h3>
            {section.kind === 'orphaned' && <p>{t('report.orphaned.explained')}</p>}
            {section.groups.map(({ group, number }) => (
              <section key={number} className="card notat__group" aria-labelledby={`notat-afsnit-${number}`}>
                <h4 id={`notat-afsnit-${number}`}>{t('report.passage', { n: number })}</h4>
                {group.kind === 'passage' && (
                  <>
                    <p>{t('report.passage.now')}</p>
                    <blockquote className="thread__quote">
                      <p>{group.text}</p>
                    </blockquote>
                  </>
                )}
                {group.items.map((item) => (
                  <ReportEntry
                    key={item.id}
                    item={item}
                    showQuote={group.kind === 'orphaned'}
                    labels={labels}
                    changeHref={labels.changeHref(report, item)}
                  />
                ))}
              </section>
            ))}
          </section>
        ))}
      </section>
      {report.feedback && <FeedbackReportSection report={report} labels={labels} />}
    </article>
  );
}

export async function ReportEntry({
  item,
  showQuote,
  labels,
  changeHref,
  headingLevel = 5,
}: {
  item: ReportItem;
  showQuote: boolean;
  labels: ReportLabels;
  /** Where the compare view shows the change an accepted suggestion made (labels.changeHref). */
  changeHref: string | null;
  /** The item heading's level (feedback items stand one level higher than passages' items). */
  headingLevel?: 4 | 5;
}) {
  const t = await getT();
  const accepted = item.decision?.decision === 'accepted';
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  return (
    <article className="notat__item">
      <Heading>{labels.itemTitle(item)}</Heading>
      <p className="hint">{labels.itemMeta(item)}</p>
      {item.carried && <p>{t('report.item.carried')}</p>}
      {/* A suggestion shows the wording it proposed to change: after Accept, the passage holds the new one. */}
      {(showQuote || item.replacement !== undefined) && (
        <>
          <p>{item.replacement !== undefined ? t('report.item.original') : t('report.item.quote')}</p>
          <blockquote className="thread__quote">
            <p>{item.quote}</p>
          </blockquote>
        </>
      )}
      {item.text !== '' && <CommentText text={item.text} />}
      {item.replacement !== undefined && (
        <>
          <p>{accepted ? t('report.item.acceptedWording') : t('report.item.replacement')}</p>
          <blockquote className="thread__quote">
            <p>{item.replacement === '' ? <em>{t('report.item.deletePassage')}</em> : item.replacement}</p>
          </blockquote>
          {accepted && changeHref && (
            <p>
              <a href={changeHref}>{labels.changeLink(item)}</a>
            </p>
          )}
        </>
      )}
      {item.decision && (
        <p>
          <strong>{labels.decision(item.decision.decision)}</strong> ({item.decision.by}, {labels.date(item.decision.at)})
          {item.decision.reason && <>: {item.decision.reason}</>}
        </p>
      )}
      {item.answer && (
        <div className="thread__answer">
          <p>
            <strong>
              {t('report.item.answer')}: {labels.status(item.answer.status)}
            </strong>{' '}
            ({item.answer.by}, {labels.date(item.answer.at)})
          </p>
          <CommentText text={item.answer.text} />
        </div>
      )}
      {item.replies.length > 0 && (
        <>
          <p>{t('report.item.replies', { n: item.replies.length })}</p>
          <ul>
            {item.replies.map((reply) => (
              <li key={reply.id}>
                <span className="hint">
                  {labels.author(reply)}, {labels.date(reply.createdAt)}:
                </span>
                <CommentText text={reply.text} />
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

import type { ConsultationReport, ReportItem } from '../../lib/comments/report/buildConsultationReport';
import { reportLabels, type ReportLabels } from '../../lib/comments/report/reportLabels';
import { DEFAULT_LOCALE } from '../../lib/i18n/messages';
import { t } from '../../lib/i18n/t';
import { CommentText } from './CommentText';

/**
 * The høringsnotat as a page (server-rendered): the same data and words as the HTML, Markdown
 * and CSV exports (lib/comments/report), with download links for those. Plain text throughout.
 */
export function ConsultationReportView({ report }: { report: ConsultationReport }) {
  const labels = reportLabels(DEFAULT_LOCALE);
  const period = labels.period(report);
  const base = `/api/documents/${encodeURIComponent(report.documentId)}/report`;
  const hiddenGrounds = labels.hiddenGrounds(report);
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
      </p>
      <nav className="notat__downloads" aria-label={t('consultation.notat.downloads')}>
        <a className="button button--secondary button--small" href={`${base}?format=html&download=1`} download>
          {t('consultation.notat.html')}
        </a>
        <a className="button button--secondary button--small" href={`${base}?format=md`} download>
          {t('consultation.notat.markdown')}
        </a>
        <a className="button button--secondary button--small" href={`${base}?format=csv`} download>
          {t('consultation.notat.csv')}
        </a>
        <a className="button button--secondary button--small" href={`${base}?format=csv&sep=semicolon`} download>
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
      {report.organisations.length > 0 && (
        <section className="card" aria-labelledby="notat-organisationer">
          <h2 id="notat-organisationer">{t('report.organisations')}</h2>
          <ul>
            {report.organisations.map((organisation) => (
              <li key={organisation.id}>
                {organisation.name}: {organisation.items}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="notat__body" aria-labelledby="notat-afsnit">
        <h2 id="notat-afsnit">{t('report.byPassage')}</h2>
        {report.groups.length === 0 && <p>{t('report.none')}</p>}
        {report.groups.map((group, index) => (
          <section key={index} className="card notat__group" aria-labelledby={`notat-afsnit-${index + 1}`}>
            {group.kind === 'passage' ? (
              <>
                <h3 id={`notat-afsnit-${index + 1}`}>{t('report.passage', { n: index + 1 })}</h3>
                <blockquote className="thread__quote">
                  <p>{group.text}</p>
                </blockquote>
              </>
            ) : (
              <>
                <h3 id={`notat-afsnit-${index + 1}`}>{t('report.orphaned')}</h3>
                <p>{t('report.orphaned.explained')}</p>
              </>
            )}
            {group.items.map((item) => (
              <ReportEntry key={item.id} item={item} showQuote={group.kind === 'orphaned'} labels={labels} />
            ))}
          </section>
        ))}
      </section>
    </article>
  );
}

function ReportEntry({ item, showQuote, labels }: { item: ReportItem; showQuote: boolean; labels: ReportLabels }) {
  return (
    <article className="notat__item">
      <h4>{labels.itemTitle(item)}</h4>
      <p className="hint">{labels.itemMeta(item)}</p>
      {showQuote && (
        <>
          <p>{t('report.item.quote')}</p>
          <blockquote className="thread__quote">
            <p>{item.quote}</p>
          </blockquote>
        </>
      )}
      {item.text !== '' && <CommentText text={item.text} />}
      {item.replacement !== undefined && (
        <>
          <p>{t('report.item.replacement')}</p>
          <blockquote className="thread__quote">
            <p>{item.replacement === '' ? <em>{t('report.item.deletePassage')}</em> : item.replacement}</p>
          </blockquote>
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

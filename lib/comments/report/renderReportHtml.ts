/**
 * The consultation report as one standalone, accessible HTML page: `lang`, one <h1> and headings in
 * order, landmarks and lists; every text from people escaped, line breaks kept with <br>. No scripts
 * and no styles (API answers carry `default-src 'none'`, so the page loads nothing and runs nothing):
 * the browser's own rendering, which prints and zooms well.
 */
import { escapeHtml } from '../../mail/escapeHtml';
import type { Locale } from '../../i18n/messages';
import type { ConsultationReport, ReportItem } from './buildConsultationReport';
import { reportLabels, type ReportLabels } from './reportLabels';
import { reportSections } from './reportSections';

/** Escaped text with its line breaks as <br>. */
const text = (value: string) => escapeHtml(value).replace(/\n/g, '<br>\n');

export function renderReportHtml(report: ConsultationReport, locale: Locale = 'da'): string {
  const labels = reportLabels(locale);
  const { t } = labels;
  const heading = t('report.heading', { title: report.title });
  const period = labels.period(report);
  const hiddenGrounds = labels.hiddenGrounds(report);
  const version = labels.version(report);
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="meta">${escapeHtml(t('report.generated', { date: labels.date(report.generatedAt) }))}${
      period ? `<br>\n${escapeHtml(t('report.period', { period }))}` : ''
    }${version ? `<br>\n${escapeHtml(version)}` : ''}</p>`,
    '<section aria-labelledby="overblik">',
    `<h2 id="overblik">${escapeHtml(t('report.summary'))}</h2>`,
    '<dl>',
    ...labels.totals(report).map(([label, n]) => `<dt>${escapeHtml(label)}</dt><dd>${n}</dd>`),
    '</dl>',
    ...(hiddenGrounds.length > 0
      ? [
          `<p>${escapeHtml(t('report.hiddenGrounds'))}</p>`,
          '<ul>',
          ...hiddenGrounds.map(([label, n]) => `<li>${escapeHtml(label)}: ${n}</li>`),
          '</ul>',
        ]
      : []),
    '</section>',
  ];
  const consulted = labels.consulted(report);
  out.push(
    '<section aria-labelledby="hoeringsparter">',
    `<h2 id="hoeringsparter">${escapeHtml(t('report.consulted'))}</h2>`,
    ...(consulted.length > 0
      ? ['<ul>', ...consulted.map((line) => `<li>${escapeHtml(line)}</li>`), '</ul>']
      : [`<p>${escapeHtml(t('report.consulted.none'))}</p>`]),
    '</section>',
  );
  out.push('<section aria-labelledby="afsnit">', `<h2 id="afsnit">${escapeHtml(t('report.byPassage'))}</h2>`);
  if (report.groups.length === 0) out.push(`<p>${escapeHtml(t('report.none'))}</p>`);
  reportSections(report).forEach((section, sectionIndex) => {
    const sectionId = `overskrift-${sectionIndex + 1}`;
    out.push(`<section aria-labelledby="${sectionId}">`, `<h3 id="${sectionId}">${escapeHtml(labels.sectionTitle(section))}</h3>`);
    if (section.kind === 'orphaned') out.push(`<p>${escapeHtml(t('report.orphaned.explained'))}</p>`);
    for (const { group, number } of section.groups) {
      const id = `afsnit-${number}`;
      out.push(`<section aria-labelledby="${id}">`, `<h4 id="${id}">${escapeHtml(t('report.passage', { n: number }))}</h4>`);
      if (group.kind === 'passage') {
        out.push(`<p>${escapeHtml(t('report.passage.now'))}</p>`, `<blockquote><p>${text(group.text)}</p></blockquote>`);
      }
      for (const item of group.items) out.push(...renderItem(item, group.kind === 'orphaned', labels, labels.changeHref(report, item)));
      out.push('</section>');
    }
    out.push('</section>');
  });
  out.push('</section>');
  if (report.feedback) out.push(...renderFeedback(report, labels));
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}

/** The feedback section: the counts, then each category (its most supported item named) with its items. */
function renderFeedback(report: ConsultationReport, labels: ReportLabels): string[] {
  const feedback = report.feedback!;
  const lines = [
    '<section aria-labelledby="feedback">',
    `<h2 id="feedback">${escapeHtml(labels.t('report.feedback'))}</h2>`,
    `<p>${escapeHtml(labels.feedbackSummary(report)!)}</p>`,
  ];
  for (const group of feedback.groups) {
    const id = `feedback-${group.category}`;
    const top = labels.feedbackTop(group);
    lines.push(`<section aria-labelledby="${id}">`, `<h3 id="${id}">${escapeHtml(labels.feedbackCategory(group))}</h3>`);
    if (top) lines.push(`<p>${escapeHtml(top)}</p>`);
    if (group.items.length === 0) lines.push(`<p>${escapeHtml(labels.t('report.feedback.none'))}</p>`);
    for (const item of group.items) lines.push(...renderItem(item, false, labels, null, 4));
    lines.push('</section>');
  }
  lines.push('</section>');
  return lines;
}

/** `changeHref`: where an accepted suggestion's change is shown (labels.changeHref); `level`: the item heading's. */
function renderItem(item: ReportItem, showQuote: boolean, labels: ReportLabels, changeHref: string | null, level = 5): string[] {
  const { t } = labels;
  const lines = [
    '<article>',
    `<h${level}>${escapeHtml(labels.itemTitle(item))}</h${level}>`,
    `<p class="meta">${escapeHtml(labels.itemMeta(item))}</p>`,
  ];
  if (item.carried) lines.push(`<p>${escapeHtml(t('report.item.carried'))}</p>`);
  // A suggestion shows the wording it proposed to change: after Accept, the passage holds the new one.
  if (showQuote || item.replacement !== undefined) {
    const label = item.replacement !== undefined ? t('report.item.original') : t('report.item.quote');
    lines.push(`<p>${escapeHtml(label)}</p>`, `<blockquote><p>${text(item.quote)}</p></blockquote>`);
  }
  if (item.text !== '') lines.push(`<p>${text(item.text)}</p>`);
  if (item.replacement !== undefined) {
    const accepted = item.decision?.decision === 'accepted';
    lines.push(
      `<p>${escapeHtml(accepted ? t('report.item.acceptedWording') : t('report.item.replacement'))}</p>`,
      `<blockquote><p>${item.replacement === '' ? `<em>${escapeHtml(t('report.item.deletePassage'))}</em>` : text(item.replacement)}</p></blockquote>`,
    );
    if (accepted && changeHref) lines.push(`<p><a href="${escapeHtml(changeHref)}">${escapeHtml(labels.changeLink(item))}</a></p>`);
  }
  if (item.decision) {
    lines.push(
      `<p><strong>${escapeHtml(labels.decision(item.decision.decision))}</strong> (${escapeHtml(item.decision.by)}, ${escapeHtml(labels.date(item.decision.at))})${
        item.decision.reason ? `: ${text(item.decision.reason)}` : ''
      }</p>`,
    );
  }
  if (item.answer) {
    lines.push(
      `<p><strong>${escapeHtml(t('report.item.answer'))}: ${escapeHtml(labels.status(item.answer.status))}</strong> (${escapeHtml(item.answer.by)}, ${escapeHtml(labels.date(item.answer.at))})</p>`,
      `<p>${text(item.answer.text)}</p>`,
    );
  }
  if (item.replies.length > 0) {
    lines.push(`<p>${escapeHtml(t('report.item.replies', { n: item.replies.length }))}</p>`, '<ul>');
    for (const reply of item.replies) {
      lines.push(
        `<li><span class="meta">${escapeHtml(labels.author(reply))}, ${escapeHtml(labels.date(reply.createdAt))}:</span><br>\n${text(reply.text)}</li>`,
      );
    }
    lines.push('</ul>');
  }
  lines.push('</article>');
  return lines;
}

/**
 * The consultation report as Markdown (CommonMark). Every text from people is escaped so that it
 * stays the text it was: the characters that make emphasis, links, images, code, headings, lists,
 * tables, HTML and entities get a backslash, and each line is quoted (`> `), so no line of theirs
 * can start a block of its own.
 */
import type { Locale } from '../../i18n/messages';
import { escapeMarkdownText } from '../../versions/export/bodyToMarkdown';
import type { ConsultationReport, ReportItem } from './buildConsultationReport';
import { reportLabels, type ReportLabels } from './reportLabels';
import { reportSections } from './reportSections';

/**
 * Text as Markdown text: a backslash before what CommonMark (or GFM) could read as inline markup
 * (escapeMarkdownText) and before a block marker at the line's start (`#`, `>`, `+`, `-`, `=`,
 * `1.`). Ordinary punctuation stays as it is, so dates read "6. dec. 2026", not "6\\. dec\\.".
 */
export function escapeMarkdown(value: string): string {
  return escapeMarkdownText(value)
    .replace(/^([#>+\-=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Text inside a line (after other text): inline markup escaped only ("5. mar. 2027" stays as it is). */
const inline = escapeMarkdownText;

/** People's text as a block quote, line by line (an empty line stays inside the quote). */
const quoted = (value: string, depth = 1) =>
  value
    .split('\n')
    .map((line) => `${'>'.repeat(depth)}${line === '' ? '' : ` ${escapeMarkdown(line)}`}`)
    .join('\n');

export function renderReportMarkdown(report: ConsultationReport, locale: Locale = 'da'): string {
  const labels = reportLabels(locale);
  const { t } = labels;
  const period = labels.period(report);
  const version = labels.version(report);
  const out: string[] = [
    `# ${escapeMarkdown(t('report.heading', { title: report.title }))}`,
    '',
    escapeMarkdown(t('report.generated', { date: labels.date(report.generatedAt) })),
    ...(period ? ['', escapeMarkdown(t('report.period', { period }))] : []),
    ...(version ? ['', escapeMarkdown(version)] : []),
    '',
    `## ${escapeMarkdown(t('report.summary'))}`,
    '',
    ...labels.totals(report).map(([label, n]) => `- ${escapeMarkdown(label)}: ${n}`),
  ];
  const grounds = labels.hiddenGrounds(report);
  if (grounds.length > 0) {
    out.push('', escapeMarkdown(t('report.hiddenGrounds')), '', ...grounds.map(([label, n]) => `- ${escapeMarkdown(label)}: ${n}`));
  }
  const consulted = labels.consulted(report);
  out.push(
    '',
    `## ${escapeMarkdown(t('report.consulted'))}`,
    '',
    ...(consulted.length > 0 ? consulted.map((line) => `- ${escapeMarkdown(line)}`) : [escapeMarkdown(t('report.consulted.none'))]),
  );
  out.push('', `## ${escapeMarkdown(t('report.byPassage'))}`);
  if (report.groups.length === 0) out.push('', escapeMarkdown(t('report.none')));
  for (const section of reportSections(report)) {
    out.push('', `### ${escapeMarkdown(labels.sectionTitle(section))}`);
    if (section.kind === 'orphaned') out.push('', escapeMarkdown(t('report.orphaned.explained')));
    for (const { group, number } of section.groups) {
      out.push('', `#### ${escapeMarkdown(t('report.passage', { n: number }))}`);
      if (group.kind === 'passage') out.push('', escapeMarkdown(t('report.passage.now')), '', quoted(group.text));
      for (const item of group.items) out.push('', ...renderItem(item, group.kind === 'orphaned', labels, labels.changeHref(report, item)));
    }
  }
  if (report.feedback) {
    out.push('', `## ${escapeMarkdown(t('report.feedback'))}`, '', escapeMarkdown(labels.feedbackSummary(report)!));
    for (const group of report.feedback.groups) {
      const top = labels.feedbackTop(group);
      out.push('', `### ${escapeMarkdown(labels.feedbackCategory(group))}`);
      if (top) out.push('', escapeMarkdown(top));
      if (group.items.length === 0) out.push('', escapeMarkdown(t('report.feedback.none')));
      for (const item of group.items) out.push('', ...renderItem(item, false, labels, null, 4));
    }
  }
  return `${out.join('\n')}\n`;
}

/** `changeHref`: where an accepted suggestion's change is shown (labels.changeHref); `level`: the item heading's. */
function renderItem(item: ReportItem, showQuote: boolean, labels: ReportLabels, changeHref: string | null, level = 5): string[] {
  const { t } = labels;
  const lines = [`${'#'.repeat(level)} ${escapeMarkdown(labels.itemTitle(item))}`, '', escapeMarkdown(labels.itemMeta(item))];
  if (item.carried) lines.push('', escapeMarkdown(t('report.item.carried')));
  // A suggestion shows the wording it proposed to change: after Accept, the passage holds the new one.
  if (showQuote || item.replacement !== undefined) {
    const label = item.replacement !== undefined ? t('report.item.original') : t('report.item.quote');
    lines.push('', escapeMarkdown(label), '', quoted(item.quote));
  }
  if (item.text !== '') lines.push('', quoted(item.text));
  if (item.replacement !== undefined) {
    const accepted = item.decision?.decision === 'accepted';
    lines.push(
      '',
      escapeMarkdown(accepted ? t('report.item.acceptedWording') : t('report.item.replacement')),
      '',
      item.replacement === '' ? `> *${escapeMarkdown(t('report.item.deletePassage'))}*` : quoted(item.replacement),
    );
    // The link's target is ours (a path with a number), written in angle brackets so no character of it ends the link.
    if (accepted && changeHref) lines.push('', `[${escapeMarkdown(labels.changeLink(item))}](<${changeHref}>)`);
  }
  if (item.decision) {
    const head = `**${escapeMarkdown(labels.decision(item.decision.decision))}** (${inline(item.decision.by)}, ${inline(labels.date(item.decision.at))})`;
    lines.push('', head, ...(item.decision.reason ? ['', quoted(item.decision.reason)] : []));
  }
  if (item.answer) {
    lines.push(
      '',
      `**${escapeMarkdown(t('report.item.answer'))}: ${escapeMarkdown(labels.status(item.answer.status))}** (${inline(item.answer.by)}, ${inline(labels.date(item.answer.at))})`,
      '',
      quoted(item.answer.text),
    );
  }
  if (item.replies.length > 0) {
    lines.push('', escapeMarkdown(t('report.item.replies', { n: item.replies.length })));
    for (const reply of item.replies) {
      lines.push('', `${escapeMarkdown(labels.author(reply))}, ${inline(labels.date(reply.createdAt))}:`, '', quoted(reply.text));
    }
  }
  return lines;
}

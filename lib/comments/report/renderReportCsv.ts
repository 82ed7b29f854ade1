/**
 * The consultation report as CSV for spreadsheets: comma-separated as RFC 4180 says (CRLF line
 * ends, quotes doubled), or semicolon-separated for Danish Excel, which splits at its list
 * separator `;`. A UTF-8 byte order mark either way, so Excel reads æ, ø and å; no `sep=;` first
 * line, since Excel is reported to drop the byte order mark's UTF-8 when it sees one, and other
 * programs show it as a row.
 *
 * No formulas (CSV injection): every text cell is quoted, and a formula start (= + - @) gets a
 * leading apostrophe, so a spreadsheet shows it as text, wherever a spreadsheet could see a cell
 * begin: at the start, and after anything it might split a row at (comma, semicolon, tab, line
 * break; with spaces or quotes between). A file written for one separator and opened with the
 * other (a comma file in Danish Excel) then starts no formula either. A cell that begins with a
 * tab or carriage return, which some programs skip, gets the apostrophe as well.
 *
 * Times are Danish local time ("2027-03-05 14:00", summer time included), the column's heading
 * saying so.
 *
 * One row per comment or suggestion and one per reply (its thread's id in `thread`), in the
 * report's order; then the feedback (section "Feedback på forslaget", its category in the passage
 * column, no passage text), by category. An accepted suggestion's last cell is where the compare view shows its change
 * (a path on this site, with `#change-<n>` when the change is known).
 */
import { formatSpreadsheetDateTime } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { ConsultationReport } from './buildConsultationReport';
import { reportLabels } from './reportLabels';

export const CSV_BOM = '\ufeff';

export const CSV_SEPARATORS = { comma: ',', semicolon: ';' } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;

/** A formula start at the cell's start or after a place a row could be split, spaces and quotes between. */
const FORMULA_START = /(^|[,;\t\r\n])([\s"]*)(?=[=+\-@])/g;

/** One cell: numbers as they are; text neutralised wherever it could start a formula, and quoted. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let cell = value.replace(FORMULA_START, "$1$2'");
  if (/^[\t\r]/.test(cell)) cell = `'${cell}`;
  return `"${cell.replace(/"/g, '""')}"`;
}

export function renderReportCsv(
  report: ConsultationReport,
  locale: Locale = 'da',
  options: { readonly separator?: CsvSeparator } = {},
): string {
  const separator = CSV_SEPARATORS[options.separator ?? 'comma'];
  const row = (cells: readonly (string | number)[]) => cells.map(csvCell).join(separator);
  const labels = reportLabels(locale);
  const { t } = labels;
  const rows: string[] = [
    row([
      t('report.csv.section'),
      t('report.csv.passage'),
      t('report.csv.passageText'),
      t('report.csv.original'),
      t('report.csv.kind'),
      t('report.csv.id'),
      t('report.csv.thread'),
      t('report.csv.author'),
      t('report.csv.organisation'),
      t('report.csv.createdAt'),
      t('report.csv.text'),
      t('report.csv.replacement'),
      t('report.csv.supports'),
      t('report.csv.resolved'),
      t('report.csv.answerStatus'),
      t('report.csv.answer'),
      t('report.csv.answeredBy'),
      t('report.csv.decision'),
      t('report.csv.decisionReason'),
      t('report.csv.change'),
    ]),
  ];
  // Feedback (about the whole document) after the passages: its section "Feedback på forslaget", its category in the passage column.
  const feedbackGroups = (report.feedback?.groups ?? []).map((group) => ({
    kind: 'feedback' as const,
    category: group.category,
    items: group.items,
  }));
  [...report.groups, ...feedbackGroups].forEach((group, index) => {
    const passage =
      group.kind === 'passage' ? String(index + 1) : group.kind === 'feedback' ? labels.category(group.category) : t('report.orphaned');
    const section =
      group.kind === 'passage'
        ? (group.section ?? t('report.section.untitled'))
        : group.kind === 'feedback'
          ? t('report.feedback')
          : t('report.orphaned');
    for (const item of group.items) {
      const kind =
        item.kind === 'suggestion'
          ? t('report.csv.kind.suggestion')
          : item.kind === 'feedback'
            ? t('report.csv.kind.feedback')
            : t('report.csv.kind.comment');
      rows.push(
        row([
          section,
          passage,
          group.kind === 'passage' ? group.text : group.kind === 'feedback' ? '' : item.quote,
          item.replacement !== undefined ? item.quote : '',
          kind,
          item.id,
          item.id,
          item.author,
          item.organisation ?? '',
          formatSpreadsheetDateTime(item.createdAt),
          item.text,
          item.replacement ?? '',
          item.supportCount,
          item.resolved ? t('report.csv.yes') : t('report.csv.no'),
          item.answer ? labels.status(item.answer.status) : '',
          item.answer?.text ?? '',
          item.answer?.by ?? item.decision?.by ?? '',
          item.decision ? labels.decision(item.decision.decision) : '',
          item.decision?.reason ?? '',
          item.decision?.decision === 'accepted' ? (labels.changeHref(report, item) ?? '') : '',
        ]),
      );
      for (const reply of item.replies) {
        rows.push(
          row([
            section,
            passage,
            '',
            '',
            t('report.csv.kind.reply'),
            reply.id,
            item.id,
            reply.author,
            reply.organisation ?? '',
            formatSpreadsheetDateTime(reply.createdAt),
            reply.text,
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
          ]),
        );
      }
    }
  });
  return `${CSV_BOM}${rows.join('\r\n')}\r\n`;
}

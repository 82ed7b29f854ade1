/**
 * The consultation report as CSV for spreadsheets: RFC 4180 (comma-separated, CRLF line ends,
 * fields with a comma, quote or line break in double quotes, quotes doubled), a UTF-8 byte order
 * mark so Excel reads æ, ø and å, and no formulas: a cell that begins with = + - @ (or a tab or
 * carriage return, which some programs skip) gets a leading apostrophe, so a spreadsheet shows it
 * as text instead of running it (CSV injection).
 *
 * One row per comment or suggestion and one per reply (its thread's id in `thread`), in the
 * report's order.
 */
import type { Locale } from '../../i18n/messages';
import type { ConsultationReport } from './buildConsultationReport';
import { reportLabels } from './reportLabels';

export const CSV_BOM = '\ufeff';

/** One cell: neutralised if it could be read as a formula, quoted if it needs to be. */
export function csvCell(value: string | number): string {
  let cell = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const row = (cells: readonly (string | number)[]) => cells.map(csvCell).join(',');

export function renderReportCsv(report: ConsultationReport, locale: Locale = 'da'): string {
  const labels = reportLabels(locale);
  const { t } = labels;
  const rows: string[] = [
    row([
      t('report.csv.passage'),
      t('report.csv.passageText'),
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
    ]),
  ];
  report.groups.forEach((group, index) => {
    const passage = group.kind === 'passage' ? String(index + 1) : t('report.orphaned');
    for (const item of group.items) {
      const kind = item.kind === 'suggestion' ? t('report.csv.kind.suggestion') : t('report.csv.kind.comment');
      rows.push(
        row([
          passage,
          group.kind === 'passage' ? group.text : item.quote,
          kind,
          item.id,
          item.id,
          item.author,
          item.organisation ?? '',
          item.createdAt,
          item.text,
          item.replacement ?? '',
          item.supportCount,
          item.resolved ? t('report.csv.yes') : t('report.csv.no'),
          item.answer ? labels.status(item.answer.status) : '',
          item.answer?.text ?? '',
          item.answer?.by ?? item.decision?.by ?? '',
          item.decision ? labels.decision(item.decision.decision) : '',
          item.decision?.reason ?? '',
        ]),
      );
      for (const reply of item.replies) {
        rows.push(
          row([
            passage,
            '',
            t('report.csv.kind.reply'),
            reply.id,
            item.id,
            reply.author,
            reply.organisation ?? '',
            reply.createdAt,
            reply.text,
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

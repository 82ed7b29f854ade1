/**
 * GET `?format=html|md|csv` (default html): the consultation report (høringsnotat) for anyone who can
 * read the document. HTML is a standalone page shown in the browser (no scripts, no styles: like every
 * API answer it carries `default-src 'none'`); Markdown and CSV come as downloads. `&download=1`
 * downloads the HTML too. `?lang=en` renders it in English. CSV is comma-separated unless
 * `&sep=semicolon` (for Danish Excel, whose list separator is `;`).
 */
import type { Locale } from '../../../../../lib/i18n/messages';
import { CSV_SEPARATORS, renderReportCsv, type CsvSeparator } from '../../../../../lib/comments/report/renderReportCsv';
import { renderReportHtml } from '../../../../../lib/comments/report/renderReportHtml';
import { renderReportMarkdown } from '../../../../../lib/comments/report/renderReportMarkdown';
import { getServices } from '../../../../../lib/services';
import { HttpError, handle } from '../../../../_server/http';
import { readParticipant } from '../../../../_server/readParticipant';

export const dynamic = 'force-dynamic';

const FORMATS = {
  html: { type: 'text/html; charset=utf-8', extension: 'html', render: renderReportHtml },
  md: { type: 'text/markdown; charset=utf-8', extension: 'md', render: renderReportMarkdown },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv', render: renderReportCsv },
} as const;

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await context.params;
    const query = new URL(request.url).searchParams;
    const name = query.get('format') ?? 'html';
    if (!Object.hasOwn(FORMATS, name)) throw new HttpError(400, 'format_invalid');
    const format = FORMATS[name as keyof typeof FORMATS];
    const locale: Locale = query.get('lang') === 'en' ? 'en' : 'da';
    const sep = query.get('sep') ?? 'comma';
    if (!Object.hasOwn(CSV_SEPARATORS, sep)) throw new HttpError(400, 'sep_invalid');
    const report = await getServices().comments.consultationReport(await readParticipant(request), id);
    const download = name !== 'html' || query.get('download') === '1';
    const headers: Record<string, string> = {
      'Content-Type': format.type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (download) headers['Content-Disposition'] = `attachment; filename="hoeringsnotat-${report.documentId}.${format.extension}"`;
    const body = name === 'csv' ? renderReportCsv(report, locale, { separator: sep as CsvSeparator }) : format.render(report, locale);
    return new Response(body, { status: 200, headers });
  });
}

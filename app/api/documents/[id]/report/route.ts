/**
 * GET `?format=html|md|csv|docx|pdf` (default html): the consultation report (høringsnotat) for anyone
 * who can read the document. HTML is a standalone page shown in the browser (no scripts, no styles: like
 * every API answer it carries `default-src 'none'`); the other formats come as downloads. `&download=1`
 * downloads the HTML too. `?lang=en` renders it in English. CSV is comma-separated unless
 * `&sep=semicolon` (for Danish Excel, whose list separator is `;`). DOCX and PDF are the HTML page's
 * structure in Word and printed by Chromium (503 `export_unavailable` without it). `&version=<n>`
 * names the version the notat belongs to: it must exist (404 otherwise) and names the file; the
 * notat then covers the comments written while that version was being read (and the suggestions
 * still open when it froze), and links each accepted suggestion to its change in the compare view.
 */
import { intlLocale, isLocale } from '../../../../../lib/i18n/locales';
import { CSV_SEPARATORS, renderReportCsv, type CsvSeparator } from '../../../../../lib/comments/report/renderReportCsv';
import { renderReportHtml } from '../../../../../lib/comments/report/renderReportHtml';
import { renderReportMarkdown } from '../../../../../lib/comments/report/renderReportMarkdown';
import { getServices } from '../../../../../lib/services';
import { printableHtml } from '../../../../../lib/versions/export/exportStylesheet';
import { parseVersionNumber } from '../../../../../lib/versions/parseVersionNumber';
import { renderHtmlDocx } from '../../../../../lib/versions/export/renderHtmlDocx';
import { EXPORT_CONTENT_TYPES } from '../../../../../lib/versions/export/renderVersionExport';
import { HttpError, handle } from '../../../../_server/http';
import { readParticipant } from '../../../../_server/readParticipant';
import { requestLocale } from '../../../../_server/requestLocale';
import { documentIdParam } from '../../../../_server/documentIdParam';

export const dynamic = 'force-dynamic';

const FORMATS = {
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  docx: { type: EXPORT_CONTENT_TYPES.docx, extension: 'docx' },
  pdf: { type: EXPORT_CONTENT_TYPES.pdf, extension: 'pdf' },
} as const;

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await context.params;
    const query = new URL(request.url).searchParams;
    const name = query.get('format') ?? 'html';
    if (!Object.hasOwn(FORMATS, name)) throw new HttpError(400, 'format_invalid');
    const format = FORMATS[name as keyof typeof FORMATS];
    // `?lang=` asks for a language; else the reader's (app/_server/requestLocale.ts).
    const lang = query.get('lang');
    const locale = isLocale(lang) ? lang : await requestLocale();
    const sep = query.get('sep') ?? 'comma';
    if (!Object.hasOwn(CSV_SEPARATORS, sep)) throw new HttpError(400, 'sep_invalid');
    const rawVersion = query.get('version');
    const version = rawVersion === null ? null : parseVersionNumber(rawVersion);
    if (rawVersion !== null && version === null) throw new HttpError(400, 'version_invalid');
    const services = getServices();
    const participant = await readParticipant(request);
    // Of one version: the comments written while it was read (404 when the document has no such version).
    const report = await services.comments.consultationReport(participant, documentIdParam(id), version === null ? {} : { version });
    const download = name !== 'html' || query.get('download') === '1';
    const headers: Record<string, string> = {
      'Content-Type': format.type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (download) {
      headers['Content-Disposition'] =
        `attachment; filename="hoeringsnotat-${report.documentId}${version === null ? '' : `-v${version}`}.${format.extension}"`;
    }
    let body: string | Uint8Array;
    switch (name) {
      case 'csv':
        body = renderReportCsv(report, locale, { separator: sep as CsvSeparator });
        break;
      case 'md':
        body = renderReportMarkdown(report, locale);
        break;
      case 'docx':
        body = await renderHtmlDocx(renderReportHtml(report, locale), {
          creator: 'Samskriv',
          language: intlLocale(locale),
          modifiedAt: report.generatedAt,
        });
        break;
      case 'pdf': {
        const printed = await services.pdf.print(printableHtml(renderReportHtml(report, locale)));
        if (!printed.ok) {
          services.logger.warn(
            { documentId: report.documentId, reason: printed.reason, detail: printed.message },
            'pdf export unavailable',
          );
          throw new HttpError(503, 'export_unavailable', { 'Retry-After': '60' });
        }
        body = printed.bytes;
        break;
      }
      default:
        body = renderReportHtml(report, locale);
    }
    return new Response(body as BodyInit, { status: 200, headers });
  });
}

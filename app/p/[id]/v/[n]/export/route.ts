/**
 * GET `/p/<id>/v/<n>/export?format=html|md|docx|pdf` (default html; `&lang=en` for English labels):
 * version n of the document as a file, for anyone who can read the document. A version never
 * changes, so a public document's exports may be cached by anyone; others' are not stored. PDF
 * needs Chromium on the server: without it (or when printing fails) 503 `export_unavailable`.
 */
import { can } from '../../../../../../lib/access/can';
import { documentResourceOf } from '../../../../../../lib/documents/DocumentService';
import { isLocale } from '../../../../../../lib/i18n/locales';
import { getServices } from '../../../../../../lib/services';
import { parseVersionNumber } from '../../../../../../lib/versions/parseVersionNumber';
import { isExportFormat, renderVersionExport } from '../../../../../../lib/versions/export/renderVersionExport';
import { documentIdParam } from '../../../../../_server/documentIdParam';
import { HttpError, handle } from '../../../../../_server/http';
import { readActor } from '../../../../../_server/readPrincipal';
import { versionContributors } from '../../../../../_public/versionContributors';
import { requestLocale } from '../../../../../_server/requestLocale';

export const dynamic = 'force-dynamic';

/**
 * Shared caches may keep a public version's file for an hour without asking again: it cannot
 * change, but the document can stop being public, and an hour bounds how long a copy outlives that.
 */
const PUBLIC_CACHE = 'public, max-age=3600, immutable';

export function GET(request: Request, context: { params: Promise<{ id: string; n: string }> }): Promise<Response> {
  return handle(async () => {
    const params = await context.params;
    const query = new URL(request.url).searchParams;
    const format = query.get('format') ?? 'html';
    if (!isExportFormat(format)) throw new HttpError(400, 'export_format_invalid');
    const number = parseVersionNumber(params.n);
    if (number === null) throw new HttpError(400, 'version_invalid');
    // `?lang=` asks for a language; else the reader's (app/_server/requestLocale.ts).
    const lang = query.get('lang');
    const locale = isLocale(lang) ? lang : await requestLocale();
    const id = documentIdParam(params.id);
    const services = getServices();
    // Services gains `versions` with the versions service (helper "core"); this names it until then and is harmless after.
    const { versions } = services;
    const actor = await readActor();
    const version = await versions.get(actor, id, number);
    // Frozen with the version; worked out once for a version stored before they were recorded.
    const contributors = await versionContributors({ actor, id }, version);
    const rendered = await renderVersionExport(format, { ...version, contributors }, { pdf: services.pdf, locale });
    if (!rendered.ok) {
      services.logger.warn(
        { documentId: id, version: number, reason: rendered.reason, detail: rendered.message },
        'pdf export unavailable',
      );
      throw new HttpError(503, 'export_unavailable', { 'Retry-After': '60' });
    }
    const meta = await services.documents.get(id);
    const isPublic = meta !== null && can({ kind: 'anonymous' }, 'view', documentResourceOf(meta)).allowed;
    return new Response(rendered.body as BodyInit, {
      status: 200,
      headers: {
        'Content-Type': rendered.contentType,
        'Content-Disposition': rendered.contentDisposition,
        'Content-Length': String(rendered.body.byteLength),
        'Cache-Control': isPublic ? PUBLIC_CACHE : 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        // Without `?lang=` the labels are in the reader's language: a shared cache keeps one per language.
        ...(!isLocale(lang) && { Vary: 'Accept-Language, Cookie' }),
      },
    });
  });
}

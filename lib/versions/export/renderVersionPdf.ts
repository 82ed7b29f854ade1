/**
 * A version as an accessible PDF: its standalone HTML file printed by the services' PdfPrinter
 * (Chromium on the server), the same bytes for the same version (dates = the publishing time,
 * file identifier from the content hash). Lives in lib so route handlers can call it; the printing
 * itself is server/versions/printHtmlToPdf.ts.
 */
import type { Locale } from '../../i18n/messages';
import type { DocumentVersion } from '../model';
import type { PdfPrinter, PdfResult } from './PdfPrinter';
import { renderVersionHtmlFile } from './renderVersionHtmlFile';
import type { ExportableVersion } from './versionMeta';

export function renderVersionPdf(
  printer: PdfPrinter,
  version: ExportableVersion & Pick<DocumentVersion, 'hash'>,
  locale: Locale = 'da',
): Promise<PdfResult> {
  return printer.print(renderVersionHtmlFile(version, locale), { fixed: { date: version.publishedAt, seed: version.hash } });
}

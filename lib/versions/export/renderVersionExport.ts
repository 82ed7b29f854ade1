/**
 * One version in one export format, with what the HTTP answer needs (type, file name): the route
 * handler stays thin, and this is tested without a server. PDF goes through the PdfPrinter and may
 * be unavailable; the other formats cannot fail.
 */
import type { Locale } from '../../i18n/messages';
import type { DocumentVersion } from '../model';
import type { PdfFailure, PdfPrinter } from './PdfPrinter';
import { renderVersionDocx } from './renderVersionDocx';
import { renderVersionHtmlFile } from './renderVersionHtmlFile';
import { renderVersionMarkdown } from './renderVersionMarkdown';
import { renderVersionPdf } from './renderVersionPdf';
import { EXPORT_FORMATS, versionContentDisposition, type ExportFormat } from './versionFileName';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export type VersionExport =
  | { readonly ok: true; readonly body: Uint8Array; readonly contentType: string; readonly contentDisposition: string }
  | { readonly ok: false; readonly reason: PdfFailure; readonly message: string };

export async function renderVersionExport(
  format: ExportFormat,
  version: DocumentVersion,
  options: { readonly pdf: PdfPrinter; readonly locale?: Locale },
): Promise<VersionExport> {
  const locale = options.locale ?? 'da';
  let body: Uint8Array;
  switch (format) {
    case 'html':
      body = new TextEncoder().encode(renderVersionHtmlFile(version, locale));
      break;
    case 'md':
      body = new TextEncoder().encode(renderVersionMarkdown(version, locale));
      break;
    case 'docx':
      body = await renderVersionDocx(version, locale);
      break;
    case 'pdf': {
      const printed = await renderVersionPdf(options.pdf, version, locale);
      if (!printed.ok) return printed;
      body = printed.bytes;
      break;
    }
  }
  return {
    ok: true,
    body,
    contentType: EXPORT_CONTENT_TYPES[format],
    contentDisposition: versionContentDisposition(version.title, version.number, format),
  };
}

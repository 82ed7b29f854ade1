/**
 * A version as one standalone HTML5 file: `lang="da"`, a title, a description, a small print-friendly
 * stylesheet, a header with the title as the one h1, the version's line and its contributors, then the body as the
 * editor showed it (the version's stored HTML, whose headings are h2–h4: the editor's levels). It loads nothing and
 * runs nothing (its own Content-Security-Policy says so), so it is also what is printed to PDF.
 */
import { escapeHtml } from '../../mail/escapeHtml';
import type { Locale } from '../../i18n/messages';
import { EXPORT_STYLESHEET } from './exportStylesheet';
import { versionMeta, type ExportableVersion } from './versionMeta';

/** The language of the documents' own text: Samskriv is a Danish municipality's tool. */
export const DOCUMENT_LANGUAGE = 'da';

const lines = (text: string) => escapeHtml(text.trim()).replace(/\r?\n/g, '<br>\n');

export function renderVersionHtmlFile(version: ExportableVersion, locale: Locale = 'da'): string {
  const meta = versionMeta(version, locale);
  const title = version.title.replace(/\s+/g, ' ').trim();
  // Our labels are in the reader's locale; mark them when that is not the document's language.
  const labelLang = locale === DOCUMENT_LANGUAGE ? '' : ` lang="${locale}"`;
  const summary =
    version.summary.trim() === ''
      ? []
      : [`<p class="summary"><strong${labelLang}>${escapeHtml(meta.summaryLabel)}:</strong><br>\n${lines(version.summary)}</p>`];
  return [
    '<!doctype html>',
    `<html lang="${DOCUMENT_LANGUAGE}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${title} (version ${version.number})`)}</title>`,
    `<meta name="description" content="${escapeHtml(meta.description)}">`,
    `<meta name="author" content="${escapeHtml(version.publishedBy.name)}">`,
    `<meta name="dcterms.modified" content="${escapeHtml(version.publishedAt)}">`,
    `<style>\n${EXPORT_STYLESHEET}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta"${labelLang}>${escapeHtml(meta.line)}</p>`,
    ...(meta.contributors === null ? [] : [`<p class="meta contributors"${labelLang}>${escapeHtml(meta.contributors)}</p>`]),
    ...summary,
    '</header>',
    '<main>',
    version.content.html,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

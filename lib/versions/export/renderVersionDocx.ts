/**
 * A version as a Word document: the title as the one Heading 1, the version's line, its
 * contributors, "Hvad er ændret", then the body (bodyToDocx: its headings one level down, real lists, links, quotes, code, tables).
 * Title, author (the publisher) and description are the document's properties, its language Danish,
 * and its times the publishing time, so the same version always gives the same bytes.
 */
import { Paragraph, TextRun } from 'docx';
import type { Locale } from '../../i18n/messages';
import { bodyToDocx } from './bodyToDocx';
import { packDocx } from './packDocx';
import { versionMeta, type ExportableVersion } from './versionMeta';

/** Word's tag for the documents' language (the body is Danish whatever the labels' locale). */
export const DOCX_LANGUAGE = 'da-DK';

/** Plain text with its line ends as breaks. */
function lines(text: string, options: { bold?: boolean } = {}): TextRun[] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...options }));
}

export function renderVersionDocx(version: ExportableVersion, locale: Locale = 'da'): Promise<Uint8Array> {
  const meta = versionMeta(version, locale);
  const title = version.title.replace(/\s+/g, ' ').trim();
  const head: Paragraph[] = [
    new Paragraph({ children: [new TextRun(title)], style: 'Heading1' }),
    new Paragraph({ children: lines(meta.line) }),
  ];
  if (meta.contributors !== null) head.push(new Paragraph({ children: lines(meta.contributors) }));
  if (version.summary.trim() !== '') {
    head.push(
      new Paragraph({
        children: [new TextRun({ text: `${meta.summaryLabel}:`, bold: true }), new TextRun({ break: 1 }), ...lines(version.summary)],
      }),
    );
  }
  return packDocx({
    title: `${title} (version ${version.number})`,
    creator: version.publishedBy.name,
    description: meta.description,
    language: DOCX_LANGUAGE,
    modifiedAt: version.publishedAt,
    children: [...head, ...bodyToDocx(version.content.body, { minHeadingLevel: 2 })],
  });
}

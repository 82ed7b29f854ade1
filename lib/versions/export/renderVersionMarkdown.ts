/**
 * A version as one Markdown file: the title as the only `#` heading, a line with the version,
 * date and publisher, one with its contributors, "Hvad er ændret", then the body with its headings one level down.
 */
import type { Locale } from '../../i18n/messages';
import { bodyToMarkdown, escapeMarkdownText } from './bodyToMarkdown';
import { versionMeta, type ExportableVersion } from './versionMeta';

/** Plain text (a title, a summary) as Markdown paragraphs whose lines stay lines. */
function plain(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) =>
          escapeMarkdownText(line.trim())
            .replace(/^([#>+\-=])/, '\\$1')
            .replace(/^(\d{1,9})([.)])/, '$1\\$2'),
        )
        .join('\\\n'),
    )
    .join('\n\n');
}

export function renderVersionMarkdown(version: ExportableVersion, locale: Locale = 'da'): string {
  const meta = versionMeta(version, locale);
  const title = version.title.replace(/\s+/g, ' ').trim();
  const out = [`# ${escapeMarkdownText(title)}`, '', plain(meta.line)];
  if (meta.contributors !== null) out.push('', plain(meta.contributors));
  if (version.summary.trim() !== '') out.push('', `**${escapeMarkdownText(meta.summaryLabel)}:**`, '', plain(version.summary));
  const body = bodyToMarkdown(version.content.body, { minHeadingLevel: 2 });
  if (body !== '') out.push('', '---', '', body.trimEnd());
  return `${out.join('\n')}\n`;
}

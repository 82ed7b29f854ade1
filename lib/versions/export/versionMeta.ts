/** The words every export of a version shows under its title, from the message catalogue. */
import { TIME_ZONE } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import { translator } from '../../i18n/translator';
import { contributorList } from '../contributorLabel';
import type { DocumentVersion, VersionContent } from '../model';

/** What an export needs of a version (a DocumentVersion is one). */
export type ExportableVersion = Pick<
  DocumentVersion,
  'title' | 'number' | 'kind' | 'publishedAt' | 'publishedBy' | 'summary' | 'contributors'
> & {
  readonly content: Pick<VersionContent, 'body' | 'html'>;
};

/** "7. december 2026 kl. 14.05" (Danish time, whatever the server's zone). */
export function formatVersionDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

export interface VersionMeta {
  /** "Version 3, udgivet 7. december 2026 kl. 14.05 af Anne Jensen" */
  readonly line: string;
  /** "Hvad er ændret" */
  readonly summaryLabel: string;
  /** One sentence for a meta description or a document's description property. */
  readonly description: string;
  /** "Bidragydere: Anne Jensen, Bo Hansen (Foreningen) og Skabelon"; null when the version has none recorded. */
  readonly contributors: string | null;
}

export function versionMeta(version: Omit<ExportableVersion, 'content' | 'summary'>, locale: Locale = 'da'): VersionMeta {
  const t = translator(locale);
  const date = formatVersionDate(version.publishedAt, locale);
  const params = { number: version.number, date, publisher: version.publishedBy.name };
  return {
    line: version.kind === 'published' ? t('versionExport.meta.published', params) : t('versionExport.meta.consultation_draft', params),
    summaryLabel: t('versionExport.summary'),
    description: t('versionExport.description', { title: version.title, number: version.number, date }),
    contributors: !version.contributors
      ? null
      : version.contributors.length === 0
        ? t('versionExport.contributors.none')
        : t('versionExport.contributors', { names: contributorList(t, locale, version.contributors) }),
  };
}

import { formatDateTime } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/messages';
import type { Translate } from '../../lib/i18n/t';
import { compareWithCurrentPath, versionPagePath, type VersionItem } from './versionList';

/**
 * "Versioner" on the document page (server-rendered, works without JavaScript): newest first, each
 * with its number, kind (Høringsudkast / Udgivet, in words, not colour), date, a link to its public
 * page and one to compare it with the current draft.
 */
export function VersionList({
  documentId,
  versions,
  t,
  locale,
}: {
  documentId: string;
  versions: readonly VersionItem[];
  t: Translate;
  locale: Locale;
}) {
  const headingId = `versions-${documentId}`;
  return (
    <section className="card version-list" aria-labelledby={headingId} data-testid="version-list">
      <h2 id={headingId}>{t('versions.heading')}</h2>
      {versions.length === 0 ? (
        <p className="hint">{t('versions.empty')}</p>
      ) : (
        <ul>
          {versions.map((version) => (
            <li key={version.number} data-testid={`version-${version.number}`}>
              <a href={versionPagePath(documentId, version.number)}>{t('versions.number', { n: version.number })}</a>
              {' · '}
              {t(`versions.kind.${version.kind}`)}
              {' · '}
              <time dateTime={version.publishedAt}>{formatDateTime(version.publishedAt, locale)}</time>
              {' · '}
              <a href={compareWithCurrentPath(documentId, version.number)} aria-label={t('versions.compareLabel', { n: version.number })}>
                {t('versions.compare')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

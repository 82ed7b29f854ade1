import Link from 'next/link';
import { formatDateTime } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/locales';
import type { Translate } from '../../lib/i18n/t';
import type { VersionSummary } from '../../lib/versions/model';
import { pathOf } from '../../lib/versions/versionPaths';

/** Every version of the document, newest first, each by its stable address; the one shown is marked (aria-current and in words). */
export function VersionList({
  versions,
  current,
  t,
  locale,
}: {
  versions: readonly VersionSummary[];
  current: number | null;
  t: Translate;
  locale: Locale;
}) {
  if (versions.length === 0) return null;
  return (
    <nav className="public-version__versions" aria-labelledby="public-version-list">
      <h2 id="public-version-list">{t('publicVersion.versions.heading')}</h2>
      <ul data-testid="version-list">
        {versions.map((version) => {
          const isCurrent = version.number === current;
          return (
            <li key={version.number}>
              <Link href={pathOf(version)} aria-current={isCurrent ? 'page' : undefined}>
                {t('publicVersion.versions.item', { number: version.number })}
              </Link>{' '}
              – {t(`publicVersion.kind.${version.kind}`)},{' '}
              <time dateTime={version.publishedAt}>{formatDateTime(version.publishedAt, locale)}</time>
              {isCurrent && <strong className="public-version__current"> {t('publicVersion.versions.current')}</strong>}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

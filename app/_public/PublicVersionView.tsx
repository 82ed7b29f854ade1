/**
 * One version of a document as its public page shows it (server-rendered, readable without
 * JavaScript): the version's title as the one h1, what kind of version it is and its facts, "Hvad er
 * ændret", the frozen body (its headings under the h1), downloads, the høringsnotat of the
 * consultation it came out of (the newest consultation draft at or before it), the editor for
 * those who may edit, feeds and every version by its stable address.
 */
import Link from 'next/link';
import { can } from '../../lib/access/can';
import { formatDateTime } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/locales';
import type { Translate } from '../../lib/i18n/t';
import type { DocumentVersion, VersionContributor } from '../../lib/versions/model';
import { publicBodyHtml } from '../../lib/versions/publicBodyHtml';
import { EXPORT_FORMATS, reportPath, versionExportPath, versionPath } from '../../lib/versions/versionPaths';
import { consultationVersionOf } from './consultationVersionOf';
import type { FeedLink } from './feedLinks';
import type { PublicDocument } from './loadPublicDocument';
import { VersionList } from './VersionList';
import { ElementReadAloud } from '../_readAloud/ElementReadAloud';
import './publicVersion.css';
import { contributorList } from '../../lib/versions/contributorLabel';

export interface PublicVersionViewProps {
  readonly document: PublicDocument;
  readonly version: DocumentVersion;
  /** Shown at `/p/<id>` (the latest published version): the page says so and gives the stable link. */
  readonly latest: boolean;
  /** For the stable link written out in full (it is meant to be copied and cited). */
  readonly origin: string;
  readonly feeds: readonly FeedLink[];
  /** Who wrote its text (frozen with the version, issue 12); null or absent: not shown. */
  readonly contributors?: readonly VersionContributor[] | null;
  /** The request's language (app/_server/requestLocale.ts). */
  readonly t: Translate;
  readonly locale: Locale;
}

export function PublicVersionView({ document, version, latest, origin, feeds, contributors, t, locale }: PublicVersionViewProps) {
  const { id, actor, resource, versions } = document;
  const stable = versionPath(id, version.number);
  const newestPublished = versions.find((candidate) => candidate.kind === 'published');
  const newer = !latest && newestPublished && newestPublished.number > version.number ? newestPublished : null;
  // Its høringsnotat: that of the consultation draft it came out of; none before any consultation.
  const consultation = consultationVersionOf(versions, version.number);
  const mayEdit = can(actor, 'edit', resource).allowed;
  const summary = version.summary.trim();
  return (
    <article className={`public-version public-version--${version.kind}`} aria-labelledby="public-version-title">
      <header className="public-version__header">
        <p className="public-version__kind" data-testid="version-kind">
          {t(`publicVersion.kind.${version.kind}`)}
        </p>
        <h1 id="public-version-title">{version.title}</h1>
        {version.kind === 'consultation_draft' && <p className="public-version__notice">{t('publicVersion.draftNotice')}</p>}
        {latest && (
          <p className="public-version__permalink" data-testid="version-permalink">
            {t('publicVersion.showing', { number: version.number })} {t('publicVersion.permalink')}{' '}
            <Link href={stable}>{`${origin}${stable}`}</Link>
          </p>
        )}
        {newer && (
          <p className="public-version__notice public-version__screen-only" data-testid="newer-version">
            {t('publicVersion.newer')}{' '}
            <Link href={versionPath(id, newer.number)}>{t('publicVersion.newerLink', { number: newer.number })}</Link>
          </p>
        )}
        <dl className="public-version__facts">
          <div>
            <dt>{t('publicVersion.number')}</dt>
            <dd data-testid="version-number">{version.number}</dd>
          </div>
          <div>
            <dt>{t('publicVersion.publishedAt')}</dt>
            <dd>
              <time dateTime={version.publishedAt}>{formatDateTime(version.publishedAt, locale)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('publicVersion.publishedBy')}</dt>
            <dd>{version.publishedBy.name}</dd>
          </div>
          {contributors && (
            <div>
              <dt>{t('authorship.contributors')}</dt>
              <dd data-testid="version-contributors">
                {contributors.length > 0 ? contributorList(t, locale, contributors) : t('authorship.contributors.none')}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('publicVersion.kind')}</dt>
            <dd>{t(`publicVersion.kind.${version.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('publicVersion.closesPhase')}</dt>
            <dd>{t(`consultation.phase.${version.closesPhase}`)}</dd>
          </div>
        </dl>
      </header>
      {summary !== '' && (
        <section className="public-version__summary" aria-labelledby="public-version-summary">
          <h2 id="public-version-summary">{t('publicVersion.summary.heading')}</h2>
          <p>{summary}</p>
        </section>
      )}
      {/* "Læs op" (issue 13): the body, or the selection in it; only in browsers with speech synthesis. */}
      <ElementReadAloud targetId="public-version-body" />
      {/* The renderer's own HTML from the stored version (text and attributes escaped there); only its heading levels are moved. */}
      <div
        className="public-version__body"
        id="public-version-body"
        data-testid="version-body"
        dangerouslySetInnerHTML={{ __html: publicBodyHtml(version.title, version.content.body, version.content.html) }}
      />
      <footer className="public-version__aside">
        <section aria-labelledby="public-version-downloads">
          <h2 id="public-version-downloads">{t('publicVersion.downloads.heading')}</h2>
          <ul>
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <a href={versionExportPath(id, version.number, format)}>{t(`publicVersion.downloads.${format}`)}</a>
              </li>
            ))}
          </ul>
        </section>
        <ul className="public-version__links">
          {consultation !== null && (
            <li>
              <a href={reportPath(id, consultation)}>{t('publicVersion.report')}</a>
            </li>
          )}
          {mayEdit && (
            <li>
              <Link href={`/d/${id}`}>{t('publicVersion.edit')}</Link>
            </li>
          )}
          {feeds.map((feed) => (
            <li key={feed.path}>
              <a href={feed.path} type="application/atom+xml">
                {t('publicVersion.feed.link')}: {feed.title}
              </a>
            </li>
          ))}
        </ul>
        <VersionList versions={versions} current={version.number} t={t} locale={locale} />
      </footer>
    </article>
  );
}

import Link from 'next/link';
import { can } from '../../lib/access/can';
import type { Locale } from '../../lib/i18n/locales';
import type { Translate } from '../../lib/i18n/t';
import { versionPath } from '../../lib/versions/versionPaths';
import type { PublicDocument } from './loadPublicDocument';
import { VersionList } from './VersionList';
import './publicVersion.css';

/** `/p/<id>` of a document with no published version yet: says so plainly, with the consultation draft if there is one. */
export function UnpublishedView({ document, t, locale }: { document: PublicDocument; t: Translate; locale: Locale }) {
  const { id, meta, actor, resource, versions } = document;
  const draft = versions.find((version) => version.kind === 'consultation_draft');
  return (
    <article className="public-version" aria-labelledby="public-version-title">
      <header className="public-version__header">
        <h1 id="public-version-title">{meta.title}</h1>
        <p data-testid="not-published">{t('publicVersion.unpublished')}</p>
        {draft && (
          <p>
            <Link href={versionPath(id, draft.number)}>{t('publicVersion.unpublished.draft', { number: draft.number })}</Link>
          </p>
        )}
        {can(actor, 'edit', resource).allowed && (
          <p>
            <Link href={`/d/${id}`}>{t('publicVersion.edit')}</Link>
          </p>
        )}
      </header>
      <VersionList versions={versions} current={null} t={t} locale={locale} />
    </article>
  );
}

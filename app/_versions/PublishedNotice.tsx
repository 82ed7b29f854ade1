'use client';
import { formatTime } from '../../lib/i18n/format';
import { useLocale, useT } from '../../lib/i18n/useT';
import { versionPagePath, type VersionItem } from './versionList';

/**
 * What an open editor says once the document was published under it: "Udgivet som version 3 kl.
 * 14.05 – se den udgivne version", or only "Dokumentet er udgivet" when no version can be named;
 * and whether some of the person's changes did not make it in (they stay in this browser's copy; no
 * number: the tracker counts updates, not what a person would call changes).
 * Rendered inside the editor's polite status region, so it is announced without taking focus.
 */
export function PublishedNotice({ documentId, version, unsaved }: { documentId: string; version: VersionItem | null; unsaved: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span data-testid="published-notice">
      {version ? (
        <>
          {t('published.asVersion', { n: version.number, time: formatTime(version.publishedAt, locale) })} –{' '}
          <a href={versionPagePath(documentId, version.number)}>{t('published.seeVersion')}</a>
        </>
      ) : (
        t('published.plain')
      )}
      {unsaved > 0 && <> {t('published.unsaved')}</>}
    </span>
  );
}

/**
 * What an open editor says when the person may no longer write (their access was lowered while the
 * editor was away): it reads only now, and the changes the server never took stay in this browser.
 */
export function LoweredNotice({ unsaved }: { unsaved: number }) {
  const t = useT();
  return (
    <span data-testid="lowered-notice">
      {t('editor.lowered')}
      {unsaved > 0 && <> {t('editor.lowered.unsaved')}</>}
    </span>
  );
}

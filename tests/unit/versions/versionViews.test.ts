/** The version list and the published notice as HTML (react-dom/server; no browser needed). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PublishedNotice } from '../../../app/_versions/PublishedNotice';
import { VersionList } from '../../../app/_versions/VersionList';
import type { VersionItem } from '../../../app/_versions/versionList';
import { formatDateTime } from '../../../lib/i18n/format';
import { t } from '../../../lib/i18n/translator';

const version = (number: number, kind: VersionItem['kind'], publishedAt: string): VersionItem => ({
  number,
  kind,
  title: 'Plan',
  summary: '',
  publishedAt,
  publishedByName: 'Mona Moderator',
});

describe('VersionList', () => {
  it('lists versions as given (newest first) with number, kind in words, date and both links', () => {
    const html = renderToStaticMarkup(
      createElement(VersionList, {
        documentId: 'plan-7',
        versions: [version(2, 'published', '2026-12-04T13:05:00Z'), version(1, 'consultation_draft', '2026-11-01T09:00:00Z')],
        t,
        locale: 'da',
      }),
    );
    expect(html).toContain('<h2');
    expect(html.indexOf('Version 2')).toBeLessThan(html.indexOf('Version 1'));
    const when = formatDateTime('2026-12-04T13:05:00Z', 'da');
    expect(when).toContain('4. dec. 2026');
    expect(html).toContain(`<a href="/p/plan-7/v/2">Version 2</a> · Udgivet · <time dateTime="2026-12-04T13:05:00Z">${when}</time>`);
    expect(html).toContain('Høringsudkast');
    expect(html).toContain(
      '<a href="/d/plan-7/versions/compare?from=1&amp;to=current" aria-label="Sammenlign version 1 med det nuværende udkast">Sammenlign</a>',
    );
  });

  it('says so when there are no versions yet', () => {
    const html = renderToStaticMarkup(createElement(VersionList, { documentId: 'plan-7', versions: [], t, locale: 'da' }));
    expect(html).toContain(t('versions.empty'));
    expect(html).not.toContain('<ul');
  });
});

describe('PublishedNotice', () => {
  it('names the version, its time in Danish time and links to it', () => {
    const html = renderToStaticMarkup(
      createElement(PublishedNotice, { documentId: 'plan-7', version: version(3, 'published', '2026-12-04T13:05:00Z'), unsaved: 0 }),
    );
    expect(html).toBe(
      '<span data-testid="published-notice">Udgivet som version 3 kl. 14.05 – <a href="/p/plan-7/v/3">se den udgivne version</a></span>',
    );
  });

  it('says only that the document is published when no version can be named, and how many changes stayed behind', () => {
    const html = renderToStaticMarkup(createElement(PublishedNotice, { documentId: 'plan-7', version: null, unsaved: 2 }));
    expect(html).toContain('Dokumentet er udgivet');
    expect(html).not.toContain('<a');
    expect(html).toContain('Dine seneste ændringer nåede ikke med i udgivelsen; de er gemt i denne browser.');
  });
});

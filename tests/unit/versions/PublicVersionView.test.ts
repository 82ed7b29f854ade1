/**
 * The public page of a version, rendered to static HTML as the server sends it (no browser, no
 * JavaScript) and parsed back: one h1, the body's headings under it, the facts, the summary as text,
 * the version list with the shown one marked, downloads, høringsnotat and editor links where they
 * belong; the consultation draft labelled; a document without a published version says so.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { Window } from 'happy-dom';
import { t } from '../../../lib/i18n/translator';
import { describe, expect, it } from 'vitest';
import type { Actor, DocumentResource, DocumentState } from '../../../lib/access/model';
import type { DocumentId } from '../../../lib/documentId';
import { templateContent } from '../../../lib/documents/templates';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { formatDateTime } from '../../../lib/i18n/format';
import type { DocumentMeta } from '../../../lib/storage/MetadataStore';
import type { DocumentVersion, VersionContributor, VersionKind, VersionSummary } from '../../../lib/versions/model';
import { versionContributors } from '../../../app/_public/versionContributors';
import type { PublicDocument } from '../../../app/_public/loadPublicDocument';
import { PublicVersionView } from '../../../app/_public/PublicVersionView';
import { UnpublishedView } from '../../../app/_public/UnpublishedView';

const ID = 'doc_1' as DocumentId;
const TITLE = 'Fællesspisning i Kulturhuset';
const OWNER = 'p_owner';

const summary = (number: number, kind: VersionKind, text = ''): VersionSummary => ({
  documentId: ID,
  number,
  kind,
  title: TITLE,
  summary: text,
  publishedAt: `2026-11-2${number}T13:05:00.000Z`,
  publishedBy: { id: 'p_mod', name: 'Mona Moderator' },
  closesPhase: kind === 'published' ? 'consultation' : 'in_review',
  hash: `sha256-${number}`,
});

const VERSIONS = [
  summary(3, 'published', 'Tredje udgave.'),
  summary(2, 'published', 'Lørdage tilføjet.\n<script>alert(1)</script>'),
  summary(1, 'consultation_draft'),
];

function full(version: VersionSummary): DocumentVersion {
  const body = templateContent('projektforslag');
  return {
    ...version,
    content: { yjsState: new Uint8Array(), body, html: renderToHTMLString({ content: body, extensions: bodyExtensions() }) },
  };
}

function document(options: { actor?: Actor; state?: DocumentState; versions?: readonly VersionSummary[] } = {}): PublicDocument {
  const state = options.state ?? 'final';
  const resource: DocumentResource = {
    kind: 'document',
    id: ID,
    workspaceId: null,
    visibility: 'public',
    state,
    grants: [{ subject: 'person', personId: OWNER, role: 'owner' }],
    consultation: {
      opensAt: null,
      closesAt: null,
      citizensMayComment: true,
      organisationsMayComment: true,
      guestsMayComment: false,
      timing: 'open',
    },
  };
  const meta: DocumentMeta = {
    id: ID,
    title: TITLE,
    template: 'projektforslag',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-23T13:05:00.000Z',
    createdBy: { id: OWNER, name: 'Sara Stab' },
    epoch: 0,
    workspaceId: null,
    visibility: 'public',
    state,
    grants: resource.grants,
    consultation: resource.consultation,
  };
  return { id: ID, meta, principal: null, actor: options.actor ?? { kind: 'anonymous' }, resource, versions: options.versions ?? VERSIONS };
}

const owner: Actor = { kind: 'person', id: OWNER, role: 'staff', disabled: false, organisationIds: [], workspaceIds: [] };
const FEEDS = [{ path: '/p/feed.xml', title: 'Samskriv: udgivne dokumenter' }];

function parse(html: string) {
  const window = new Window();
  const container = window.document.createElement('div');
  container.innerHTML = html;
  return container;
}

function renderVersion(
  number: number,
  options: { latest?: boolean; actor?: Actor; state?: DocumentState; contributors?: readonly VersionContributor[] | null } = {},
) {
  const version = full(VERSIONS.find((candidate) => candidate.number === number)!);
  return parse(
    renderToStaticMarkup(
      createElement(PublicVersionView, {
        t,
        locale: 'da',
        document: document(options),
        version,
        latest: options.latest ?? false,
        origin: 'https://samskriv.example.dk',
        feeds: FEEDS,
        ...(options.contributors !== undefined && { contributors: options.contributors }),
      }),
    ),
  );
}

const hrefs = (root: ReturnType<typeof parse>, selector: string) => [...root.querySelectorAll(selector)].map((a) => a.getAttribute('href'));

describe('PublicVersionView', () => {
  it('has one h1 (the title) and the body’s sections as h2 under it', () => {
    const page = renderVersion(2);
    expect([...page.querySelectorAll('h1')].map((h) => h.textContent)).toEqual([TITLE]);
    const body = page.querySelector('[data-testid="version-body"]')!;
    expect(body.querySelectorAll('h1')).toHaveLength(0);
    expect(body.querySelector('h2')?.textContent).toBe('Formål');
    expect(body.textContent).not.toContain(TITLE);
  });

  it('shows the facts: number, Danish date and time, publisher, kind, phase, and the summary as text', () => {
    const page = renderVersion(2);
    expect(page.querySelector('[data-testid="version-number"]')?.textContent).toBe('2');
    expect(page.querySelector('[data-testid="version-kind"]')?.textContent).toBe('Udgivet version');
    const facts = page.querySelector('dl')!.textContent;
    expect(facts).toContain(formatDateTime('2026-11-22T13:05:00.000Z', 'da'));
    expect(page.querySelector('dl time')?.getAttribute('datetime')).toBe('2026-11-22T13:05:00.000Z');
    expect(facts).toContain('Mona Moderator');
    expect(facts).toContain('Offentlig høring');
    const summaryText = page.querySelector('.public-version__summary');
    expect(summaryText?.querySelector('h2')?.textContent).toBe('Hvad er ændret');
    expect(summaryText?.querySelector('p')?.textContent).toBe('Lørdage tilføjet.\n<script>alert(1)</script>');
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });

  it('names the contributors stored with the version, read without the services (no history, no room)', async () => {
    const stored: VersionContributor[] = [
      { kind: 'person', personId: 'p_anne', name: 'Anne Jensen', organisation: 'Havnens Venner' },
      { kind: 'person', personId: 'p_bo', name: 'Bo Hansen', organisation: null },
      { kind: 'template', personId: null, name: 'Skabelon', organisation: null },
    ];
    // No services are registered in this test: the stored contributors are all the page needs.
    const contributors = await versionContributors(document(), { ...full(VERSIONS[1]!), contributors: stored });
    expect(contributors).toEqual(stored);
    const page = renderVersion(2, { contributors });
    expect(page.querySelector('[data-testid="version-contributors"]')?.textContent).toBe(
      'Anne Jensen (Havnens Venner), Bo Hansen og Skabelon',
    );
    expect(page.querySelector('[data-testid="version-contributors"]')?.previousElementSibling?.textContent).toBe('Bidragydere');
    expect(renderVersion(2, { contributors: [] }).querySelector('[data-testid="version-contributors"]')?.textContent).toBe(
      'Ingen kendte bidragydere.',
    );
    expect(renderVersion(2, { contributors: null }).querySelector('[data-testid="version-contributors"]')).toBeNull();
  });

  it('lists every version newest first by its stable address, the shown one marked in code and in words', () => {
    const page = renderVersion(2);
    expect(hrefs(page, '[data-testid="version-list"] a')).toEqual([`/p/${ID}/v/3`, `/p/${ID}/v/2`, `/p/${ID}/v/1`]);
    expect(hrefs(page, '[data-testid="version-list"] a[aria-current="page"]')).toEqual([`/p/${ID}/v/2`]);
    expect(page.querySelector('[data-testid="version-list"] a[aria-current="page"]')?.parentElement?.textContent).toContain(
      '(den du læser)',
    );
  });

  it('at a stable address of an older version, links the newest published one', () => {
    expect(hrefs(renderVersion(2), '[data-testid="newer-version"] a')).toEqual([`/p/${ID}/v/3`]);
    expect(renderVersion(3).querySelector('[data-testid="newer-version"]')).toBeNull();
  });

  it('at /p/<id>, says which version it shows and links its stable address in full', () => {
    const page = renderVersion(3, { latest: true });
    const permalink = page.querySelector('[data-testid="version-permalink"]')!;
    expect(permalink.textContent).toContain('Du læser version 3, den senest udgivne version.');
    expect(permalink.querySelector('a')?.getAttribute('href')).toBe(`/p/${ID}/v/3`);
    expect(permalink.querySelector('a')?.textContent).toBe(`https://samskriv.example.dk/p/${ID}/v/3`);
    expect(page.querySelector('[data-testid="newer-version"]')).toBeNull();
  });

  it('links the downloads, the høringsnotat of the consultation it came out of and the feed', () => {
    const page = renderVersion(2);
    expect(hrefs(page, 'a[href*="/export?"]')).toEqual(['html', 'md', 'docx', 'pdf'].map((f) => `/p/${ID}/v/2/export?format=${f}`));
    // The notat belongs to the consultation draft (version 1), at every later version and at /p/<id>.
    expect(hrefs(page, 'a[href*="/report?"]')).toEqual([`/api/documents/${ID}/report?format=html&version=1`]);
    expect(hrefs(renderVersion(3, { latest: true }), 'a[href*="/report?"]')).toEqual([`/api/documents/${ID}/report?format=html&version=1`]);
    expect(hrefs(renderVersion(1), 'a[href*="/report?"]')).toEqual([`/api/documents/${ID}/report?format=html&version=1`]);
    expect(page.querySelector('a[type="application/atom+xml"]')?.getAttribute('href')).toBe('/p/feed.xml');
  });

  it('links the newest consultation at or before the version, and none for a version before any consultation', () => {
    const versions = [summary(4, 'published'), summary(3, 'consultation_draft'), summary(2, 'published'), summary(1, 'consultation_draft')];
    const reportLinks = (number: number) =>
      hrefs(
        parse(
          renderToStaticMarkup(
            createElement(PublicVersionView, {
              t,
              locale: 'da',
              document: document({ versions }),
              version: full(versions.find((v) => v.number === number)!),
              latest: false,
              origin: 'https://x.dk',
              feeds: FEEDS,
            }),
          ),
        ),
        'a[href*="/report?"]',
      );
    expect(reportLinks(2)).toEqual([`/api/documents/${ID}/report?format=html&version=1`]);
    expect(reportLinks(4)).toEqual([`/api/documents/${ID}/report?format=html&version=3`]);
    const later = [summary(2, 'consultation_draft'), summary(1, 'published')];
    const first = renderToStaticMarkup(
      createElement(PublicVersionView, {
        t,
        locale: 'da',
        document: document({ versions: later }),
        version: full(later[1]!),
        latest: false,
        origin: 'https://x.dk',
        feeds: FEEDS,
      }),
    );
    // Version 1 came before the consultation: it has no høringsnotat.
    expect(first).not.toContain('/report?');
  });

  it('leaves out the høringsnotat without a consultation draft', () => {
    const version = full(VERSIONS[0]!);
    const html = renderToStaticMarkup(
      createElement(PublicVersionView, {
        t,
        locale: 'da',
        document: document({ versions: [VERSIONS[0]!] }),
        version,
        latest: true,
        origin: 'https://x.dk',
        feeds: FEEDS,
      }),
    );
    expect(html).not.toContain('/report?');
  });

  it('links the editor only for someone who may edit', () => {
    expect(hrefs(renderVersion(1), `a[href="/d/${ID}"]`)).toEqual([]);
    expect(hrefs(renderVersion(1, { actor: owner, state: 'consultation' }), `a[href="/d/${ID}"]`)).toEqual([`/d/${ID}`]);
    // A final document takes no edits, not even from its owner.
    expect(hrefs(renderVersion(3, { actor: owner, state: 'final' }), `a[href="/d/${ID}"]`)).toEqual([]);
  });

  it('labels a consultation draft as “Høringsudkast” and says it is not the final version', () => {
    const page = renderVersion(1);
    expect(page.querySelector('[data-testid="version-kind"]')?.textContent).toBe('Høringsudkast');
    expect(page.querySelector('.public-version__notice')?.textContent).toContain('Det er ikke den endelige version.');
    // No "Hvad er ændret" for an empty summary.
    expect(page.querySelector('.public-version__summary')).toBeNull();
  });
});

describe('UnpublishedView', () => {
  it('says the document is not published yet, linking the latest consultation draft', () => {
    const page = parse(
      renderToStaticMarkup(
        createElement(UnpublishedView, { document: document({ state: 'consultation', versions: [VERSIONS[2]!] }), t, locale: 'da' }),
      ),
    );
    expect([...page.querySelectorAll('h1')].map((h) => h.textContent)).toEqual([TITLE]);
    expect(page.querySelector('[data-testid="not-published"]')?.textContent).toBe('Dokumentet er ikke udgivet endnu.');
    expect(hrefs(page, 'header a')).toEqual([`/p/${ID}/v/1`]);
  });

  it('without any version: only the sentence (and the editor for who may edit)', () => {
    const page = parse(
      renderToStaticMarkup(
        createElement(UnpublishedView, { document: document({ state: 'draft', versions: [], actor: owner }), t, locale: 'da' }),
      ),
    );
    expect(page.querySelector('[data-testid="version-list"]')).toBeNull();
    expect(hrefs(page, 'a')).toEqual([`/d/${ID}`]);
  });
});

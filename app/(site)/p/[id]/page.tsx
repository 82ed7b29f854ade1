import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getT, requestLocale } from '../../../_server/requestLocale';
import { feedLinks } from '../../../_public/feedLinks';
import { loadPublicDocument, loadVersion } from '../../../_public/loadPublicDocument';
import { PublicVersionView } from '../../../_public/PublicVersionView';
import { versionContributors } from '../../../_public/versionContributors';
import { UnpublishedView } from '../../../_public/UnpublishedView';
import { feedAlternates, versionMetadata } from '../../../_public/versionMetadata';
import { siteOrigin } from '../../../_server/siteOrigin';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** The document and its latest published version (null when none is published yet); null when the visitor may not see the document. */
async function latest(rawId: string) {
  const document = await loadPublicDocument(rawId);
  if (!document) return null;
  const newest = document.versions.find((version) => version.kind === 'published');
  return { document, version: newest ? await loadVersion(rawId, newest.number) : null };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const found = await latest((await params).id);
  if (!found) return { title: t('notFound.heading') };
  const origin = await siteOrigin();
  const feeds = await feedLinks(found.document.actor, found.document.resource);
  if (!found.version) return { title: found.document.meta.title, alternates: { types: feedAlternates(origin, feeds) } };
  return await versionMetadata(found.version, origin, feeds);
}

/**
 * `/p/<id>`: the latest published version, for everyone who may read the document (signed out
 * too); it names the version it shows and links (and is canonical to) that version's stable
 * address. A document the visitor may not see is the not-found page.
 */
export default async function LatestVersionPage({ params }: Params) {
  const found = await latest((await params).id);
  if (!found) notFound();
  if (!found.version) return <UnpublishedView document={found.document} t={await getT()} locale={await requestLocale()} />;
  const feeds = await feedLinks(found.document.actor, found.document.resource);
  const contributors = await versionContributors(found.document, found.version);
  return (
    <PublicVersionView
      t={await getT()}
      locale={await requestLocale()}
      document={found.document}
      version={found.version}
      latest
      origin={await siteOrigin()}
      feeds={feeds}
      contributors={contributors}
    />
  );
}

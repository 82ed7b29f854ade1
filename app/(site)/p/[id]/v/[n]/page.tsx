import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getT, requestLocale } from '../../../../../_server/requestLocale';
import { parseVersionNumber } from '../../../../../../lib/versions/parseVersionNumber';
import { feedLinks } from '../../../../../_public/feedLinks';
import { loadPublicDocument, loadVersion } from '../../../../../_public/loadPublicDocument';
import { PublicVersionView } from '../../../../../_public/PublicVersionView';
import { versionContributors } from '../../../../../_public/versionContributors';
import { versionMetadata } from '../../../../../_public/versionMetadata';
import { siteOrigin } from '../../../../../_server/siteOrigin';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string; n: string }> };

/** Version n of the document, when both exist for the visitor; a malformed or out-of-range number names none. */
async function stable({ id, n }: { id: string; n: string }) {
  const number = parseVersionNumber(n);
  if (number === null) return null;
  const version = await loadVersion(id, number);
  const document = version ? await loadPublicDocument(id) : null;
  return version && document ? { document, version } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  const found = await stable(await params);
  if (!found) return { title: t('notFound.heading') };
  return await versionMetadata(found.version, await siteOrigin(), await feedLinks(found.document.actor, found.document.resource));
}

/** `/p/<id>/v/<n>`: version n, published or consultation draft ("Høringsudkast"), for good. */
export default async function StableVersionPage({ params }: Params) {
  const found = await stable(await params);
  if (!found) notFound();
  const feeds = await feedLinks(found.document.actor, found.document.resource);
  const contributors = await versionContributors(found.document, found.version);
  return (
    <PublicVersionView
      t={await getT()}
      locale={await requestLocale()}
      document={found.document}
      version={found.version}
      latest={false}
      origin={await siteOrigin()}
      feeds={feeds}
      contributors={contributors}
    />
  );
}

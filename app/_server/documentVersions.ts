import type { Actor } from '../../lib/access/model';
import type { DocumentId } from '../../lib/documentId';
import type { VersionSummary } from '../../lib/versions/model';
import type { VersionItem } from '../_versions/versionList';
import { getServices } from '../../lib/services';

/** What the browser gets to see of a version (the publisher's name, not their id). */
export function toVersionItem(version: VersionSummary): VersionItem {
  const { number, kind, title, summary, publishedAt, publishedBy } = version;
  return { number, kind, title, summary, publishedAt, publishedByName: publishedBy.name };
}

/** The document's versions for the document page, newest first. */
export async function documentVersions(actor: Actor, id: DocumentId): Promise<VersionItem[]> {
  return (await getServices().versions.list(actor, id)).map(toVersionItem);
}

import type { Contributor } from '../../lib/authorship/Authorship';
import { getServices } from '../../lib/services';
import type { DocumentVersion } from '../../lib/versions/model';
import type { PublicDocument } from './loadPublicDocument';

/**
 * Who wrote the text of a version (attributed history): the version's frozen Yjs state read through
 * the document's attribution, names as they are now (a deleted person is "Tidligere deltager").
 * Null when it cannot be read (the page is shown without it rather than failing).
 */
export async function versionContributors(document: PublicDocument, version: DocumentVersion): Promise<Contributor[] | null> {
  const services = getServices();
  try {
    return await services.authorship.contributorsOf(document.actor, document.id, version.content.yjsState);
  } catch (error) {
    services.logger.warn({ doc: document.id, version: version.number, err: error }, 'could not read the contributors of a version');
    return null;
  }
}

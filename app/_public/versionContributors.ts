import { getServices } from '../../lib/services';
import type { DocumentVersion, VersionContributor } from '../../lib/versions/model';
import { versionContributorsOf } from '../../lib/versions/versionContributorsOf';
import type { Actor } from '../../lib/access/model';
import type { DocumentId } from '../../lib/documentId';

/** Versions stored before contributors were recorded whose contributors were worked out in this process. */
const workedOut = new Map<string, readonly VersionContributor[]>();
const WORKED_OUT_MAX = 500;

/**
 * Who wrote the text of a version: what was frozen with it (no history is read). A version stored
 * before contributors were recorded has them worked out ONCE per process from the document's
 * attribution (names as they are now), then kept; null when that cannot be read (the page or the
 * export is made without them rather than failing).
 */
export async function versionContributors(
  document: { readonly actor: Actor; readonly id: DocumentId },
  version: DocumentVersion,
): Promise<readonly VersionContributor[] | null> {
  if (version.contributors) return version.contributors;
  const key = `${version.number}:${document.id}`;
  const known = workedOut.get(key);
  if (known) return known;
  const services = getServices();
  try {
    const contributors = versionContributorsOf(
      await services.authorship.contributorsOf(document.actor, document.id, version.content.yjsState),
    );
    if (workedOut.size >= WORKED_OUT_MAX) workedOut.delete(workedOut.keys().next().value!);
    workedOut.set(key, contributors);
    return contributors;
  } catch (error) {
    services.logger.warn({ doc: document.id, version: version.number, err: error }, 'could not read the contributors of a version');
    return null;
  }
}

/**
 * Which consultation a version came out of: the newest consultation draft ("Høringsudkast") at or
 * before it. Its høringsnotat is the one a version's public page links (the notat belongs to the
 * consultation version); null when the document had no consultation by then.
 */
import type { VersionSummary } from '../../lib/versions/model';

export function consultationVersionOf(versions: readonly Pick<VersionSummary, 'number' | 'kind'>[], number: number): number | null {
  let found: number | null = null;
  for (const version of versions) {
    if (version.kind === 'consultation_draft' && version.number <= number && (found === null || version.number > found))
      found = version.number;
  }
  return found;
}

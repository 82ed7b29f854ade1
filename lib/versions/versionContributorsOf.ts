/**
 * A version's contributors as they are frozen with it, from the authorship read of its state
 * (lib/authorship: contributors most text first): only those whose text is in it (not who only
 * deleted, not unknown text), and only what a reader may see (kind, name, organisation; a person's
 * id is kept for a later account deletion and never shown).
 */
import type { Contributor } from '../authorship/Authorship';
import { VERSION_CONTRIBUTORS_MAX, type VersionContributor } from './model';

export function versionContributorsOf(contributors: readonly Contributor[]): VersionContributor[] {
  const kept: VersionContributor[] = [];
  for (const contributor of contributors) {
    if (contributor.chars <= 0 || contributor.kind === 'unknown') continue;
    kept.push({
      kind: contributor.kind,
      personId: contributor.kind === 'person' ? contributor.personId : null,
      name: contributor.name,
      organisation: contributor.kind === 'person' ? (contributor.organisation ?? null) : null,
    });
    if (kept.length === VERSION_CONTRIBUTORS_MAX) break;
  }
  return kept;
}

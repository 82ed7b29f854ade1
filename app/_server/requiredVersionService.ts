import type { VersionService } from '../../lib/versions/VersionService';
import { getServices, type Services } from '../../lib/services';

/**
 * `getServices().versions`, typed so it compiles on both sides of the merge that adds `versions` to
 * Services (issue 9): after it, this is that property; before it, a missing service throws.
 */
export function requiredVersionService(): VersionService {
  const { versions } = getServices() as Services & { readonly versions?: VersionService };
  if (!versions) throw new Error('the version service is not initialised');
  return versions;
}

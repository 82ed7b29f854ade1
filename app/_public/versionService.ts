/**
 * The version service of the running process. Helper "core" adds `versions` to `Services`
 * (lib/services.ts) in the same issue; reading it through this one accessor keeps the public pages
 * compiling on either side of that merge (afterwards this is plain `getServices().versions`).
 */
import { getServices, type Services } from '../../lib/services';
import type { VersionService } from '../../lib/versions/VersionService';

export function versionService(): VersionService {
  return (getServices() as Services & { readonly versions: VersionService }).versions;
}

import { getServices } from '../../lib/services';
import type { VersionService } from '../../lib/versions/VersionService';

/**
 * `getServices().versions`, or undefined where the process has none: pages that show versions go
 * on without them rather than fail. (Issue 9's "core" helper adds `versions` to Services; once
 * merged, this reads the same field, typed.)
 */
export function versionService(): VersionService | undefined {
  return (getServices() as { readonly versions?: VersionService }).versions;
}

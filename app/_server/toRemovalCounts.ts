import type { OrganisationRemoval } from '../../lib/people/OrganisationService';
import type { WorkspaceRemoval } from '../../lib/people/WorkspaceService';
import type { RemovalCounts } from '../_shared/AdminViews';

/** What removing an organisation or workspace does, as the admin page and its routes show it. */
export function toRemovalCounts(removal: OrganisationRemoval | WorkspaceRemoval): RemovalCounts {
  const { name } = 'organisation' in removal ? removal.organisation : removal.workspace;
  return {
    name,
    members: removal.members,
    documents: removal.documents,
    madePrivate: 'madePrivate' in removal ? removal.madePrivate : 0,
  };
}

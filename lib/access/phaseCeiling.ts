import type { Access } from '../auth/syncToken';
import type { DocumentResource, PersonActor } from './model';
import { syncAccessFor } from './syncAccessFor';

/** Not a person id (those start with `p_`): a probe that can never match a real grant. */
const PROBE_ID = 'phase-ceiling-probe';
const PROBE: PersonActor = { kind: 'person', id: PROBE_ID, role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [] };

/**
 * The most any sync connection may have on the document in its phase: what can() gives the
 * document's owner (final or archived: view). Credentials that carry their own access (sync tokens
 * from another platform) are capped by it, so the phase rules stay in can() alone. Null: not even view.
 */
export function phaseCeiling(document: DocumentResource): Access | null {
  const owned: DocumentResource = { ...document, grants: [{ subject: 'person', personId: PROBE_ID, role: 'owner' }] };
  return syncAccessFor(PROBE, owned);
}

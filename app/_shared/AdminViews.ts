/** What the admin page gets to see (serialisable). */
import type { OrganisationKind, PlatformRole } from '../../lib/access/model';
import type { ApiKeyScope } from '../../lib/apiKeys/ApiKeyStore';

export interface AdminPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: PlatformRole;
  readonly disabled: boolean;
}

export interface MemberView {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

export interface AdminOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly cvr: string | null;
  readonly members: readonly MemberView[];
}

export interface AdminWorkspace {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly members: readonly MemberView[];
  /** A team's workspace or a knowledge forum (issue 14). */
  readonly kind: 'team' | 'forum';
}

/**
 * What removing an organisation or workspace does (previewed, then done): `members` lose their
 * membership; `documents`: an organisation's grants removed, or a workspace's documents moved out
 * of any workspace, `madePrivate` of them no longer visible to its members.
 */
export interface RemovalCounts {
  readonly name: string;
  readonly members: number;
  readonly documents: number;
  readonly madePrivate: number;
}

/** An API key as listed (never its secret or hash). */
export interface AdminApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

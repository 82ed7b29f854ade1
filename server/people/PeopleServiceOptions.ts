import type { PasswordHasher } from '../../lib/auth/PasswordHasher';
import type { DocumentService } from '../../lib/documents/DocumentService';
import type { AccountStore } from '../../lib/people/AccountStore';
import type { Logger } from '../logger';
import type { AccessEvents } from './accessEvents';

/** What every people service is built from. Share one `events` between them and the sync server. */
export interface PeopleServiceOptions {
  readonly store: AccountStore;
  /** Epoch milliseconds; injected so tests move time without sleeping. */
  readonly clock?: () => number;
  readonly logger?: Logger;
  readonly events?: AccessEvents;
  /** Production cost (`scryptHasher()`) by default; tests inject a cheap one. */
  readonly passwords?: PasswordHasher;
}

/** Organisations and workspaces reach into documents when removed (their grants, their placement). */
export interface PlacesServiceOptions extends PeopleServiceOptions {
  /** Absent: no documents to change (tests of the people rules alone). */
  readonly documents?: Pick<DocumentService, 'list' | 'setGrants' | 'setPlacement'>;
}

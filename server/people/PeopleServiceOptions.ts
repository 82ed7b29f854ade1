import type { PasswordHasher } from '../../lib/auth/PasswordHasher';
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

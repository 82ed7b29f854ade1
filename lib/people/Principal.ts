import type { SessionPrincipal } from '../auth/authorizeSync';
import type { ResolvedSession } from './SessionService';

/** Who acts in a request: the person, their session, and how others see them. */
export interface Principal extends SessionPrincipal {
  readonly resolved: ResolvedSession;
  /** The organisation the person acts for (a verified membership), as its own field: views show it apart from the name. */
  readonly organisation: { readonly id: string; readonly name: string } | null;
}

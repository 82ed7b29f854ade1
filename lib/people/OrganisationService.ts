import type { z } from 'zod';
import type { Organisation, Page, PersonProfile } from './AccountStore';
import type { PageQueryRequest } from './pageQuerySchema';
import type { organisationSchema } from './schemas';

/** As a form or request sends it: the CVR number may be absent, empty or spaced. */
export type OrganisationInput = z.input<typeof organisationSchema>;

export interface OrganisationService {
  /** Admin only. Throws `forbidden` or `invalid_input` (e.g. `cvr_invalid`, `cvr_required`). */
  create(adminPersonId: string, input: OrganisationInput): Promise<Organisation>;
  get(id: string): Promise<Organisation | null>;
  /** By name, searching name and CVR. Throws `invalid_input`. */
  list(query: PageQueryRequest): Promise<Page<Organisation>>;
  /** Admin only; true when added, false when already a member. Throws `forbidden` or `not_found`. */
  join(adminPersonId: string, personId: string, organisationId: string): Promise<boolean>;
  /** The person themself or an admin; true when removed. Throws `forbidden`. */
  leave(actorPersonId: string, personId: string, organisationId: string): Promise<boolean>;
  /** Sorted by name; empty for an unknown organisation. */
  membersOf(organisationId: string): Promise<PersonProfile[]>;
  /** Sorted by name; empty for an unknown person. */
  organisationsOf(personId: string): Promise<Organisation[]>;
}

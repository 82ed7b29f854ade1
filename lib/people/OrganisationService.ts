import type { z } from 'zod';
import type { Organisation, Page, PersonProfile } from './AccountStore';
import type { PageQueryRequest } from './pageQuerySchema';
import type { OrganisationRenameRequest, organisationSchema } from './schemas';

/** As a form or request sends it: the CVR number may be absent, empty or spaced. */
export type OrganisationInput = z.input<typeof organisationSchema>;

/**
 * What removing an organisation does, counted before (the preview the admin confirms) and after:
 * `members` lose their membership (and with it acting for the organisation: "Skriv som" falls back
 * to themselves); the organisation's grants on `documents` documents are removed. What was written on
 * its behalf keeps its name.
 */
export interface OrganisationRemoval {
  readonly organisation: Organisation;
  readonly members: number;
  readonly documents: number;
}

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
  /** Admin only. Everything showing the name reads it by id, so it shows the new one. Throws `forbidden`, `invalid_input` or `not_found`. */
  rename(adminPersonId: string, organisationId: string, input: OrganisationRenameRequest): Promise<Organisation>;
  /** Admin only: what remove() would do now. Throws `forbidden` or `not_found`. */
  removal(adminPersonId: string, organisationId: string): Promise<OrganisationRemoval>;
  /** Admin only: removes it as OrganisationRemoval describes; returns what it did. Throws `forbidden` or `not_found`. */
  remove(adminPersonId: string, organisationId: string): Promise<OrganisationRemoval>;
}

/**
 * The shape `people.json` must have, checked when it is read: a hand-edited or damaged file fails
 * at start with the file name and the path of the bad value, not later with a confusing error.
 * Loose objects keep fields this version does not know, so an older build does not drop them.
 */
import { z } from '../../lib/zodWithoutEval';
import { ORGANISATION_KINDS, PLATFORM_ROLES } from '../../lib/access/model';
import { ONE_TIME_TOKEN_PURPOSES } from '../../lib/people/AccountStore';
import { LOCALES } from '../../lib/i18n/locales';

const person = z.looseObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  passwordHash: z.string(),
  role: z.enum(PLATFORM_ROLES),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  locale: z.enum(LOCALES).optional(),
});

const organisation = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  cvr: z.string().optional(),
  createdAt: z.string(),
  removedAt: z.string().optional(),
});

const membership = z.looseObject({ personId: z.string(), organisationId: z.string() });

const workspace = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  createdAt: z.string(),
  memberIds: z.array(z.string()),
});

const session = z.looseObject({
  idHash: z.string(),
  personId: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  actingForOrganisationId: z.string().nullable().optional(),
});

const token = z.looseObject({
  hash: z.string(),
  purpose: z.enum(ONE_TIME_TOKEN_PURPOSES),
  personId: z.string().optional(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
});

export const peopleFileSchema = z.looseObject({
  people: z.record(z.string(), person).default({}),
  organisations: z.record(z.string(), organisation).default({}),
  memberships: z.array(membership).default([]),
  workspaces: z.record(z.string(), workspace).default({}),
  sessions: z.record(z.string(), session).default({}),
  tokens: z.record(z.string(), token).default({}),
});

/**
 * Input schemas of the platform API (/api/v1). Issue messages are error codes (`error.<code>`),
 * as in the app's own schemas; docs/openapi.yaml describes the same shapes.
 */
import { z } from '../zodWithoutEval';
import { DOCUMENT_ROLES, VISIBILITIES } from '../access/model';
import { API_KEY_SCOPES } from '../apiKeys/ApiKeyStore';
import { ACCESS_LEVELS } from '../auth/syncToken';
import { TEMPLATE_IDS } from '../documents/templateIds';
import { titleSchema } from '../documents/titleSchema';
import { emailSchema } from '../people/schemas';
import { isSafeDisplayText, NAME_MAX_LENGTH } from '../text/displayText';

export { TITLE_MAX_LENGTH } from '../documents/titleSchema';
/** Sync tokens minted through the API live at most an hour. */
export const MAX_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_TOKEN_TTL_SECONDS = 900;
export const MAX_PAGE_LIMIT = 100;

const title = titleSchema;

const documentId = z.string({ error: 'id_invalid' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'id_invalid');

export const apiCreateDocumentSchema = z.strictObject(
  {
    title,
    template: z.enum(TEMPLATE_IDS, { error: 'template_invalid' }).default('blank'),
    id: documentId.optional(),
    visibility: z.enum(VISIBILITIES, { error: 'visibility_invalid' }).default('private'),
  },
  { error: 'invalid_input' },
);

export const apiGrantAccessSchema = z.strictObject(
  { email: emailSchema, role: z.enum(DOCUMENT_ROLES, { error: 'role_invalid' }) },
  { error: 'invalid_input' },
);

export const apiMintTokenSchema = z.strictObject(
  {
    doc: documentId,
    access: z.enum(ACCESS_LEVELS, { error: 'access_invalid' }),
    sub: z.string({ error: 'subject_invalid' }).trim().min(1, 'subject_invalid').max(150, 'subject_invalid'),
    name: z
      .string({ error: 'name_required' })
      .trim()
      .min(1, 'name_required')
      .max(NAME_MAX_LENGTH, 'name_too_long')
      .refine(isSafeDisplayText, 'name_invalid'),
    ttl: z
      .number({ error: 'ttl_invalid' })
      .int('ttl_invalid')
      .min(60, 'ttl_invalid')
      .max(MAX_TOKEN_TTL_SECONDS, 'ttl_invalid')
      .default(DEFAULT_TOKEN_TTL_SECONDS),
    title: title.optional(),
  },
  { error: 'invalid_input' },
);

export const apiPageQuerySchema = z.object({
  offset: z.coerce.number({ error: 'paging_invalid' }).int('paging_invalid').min(0, 'paging_invalid').default(0),
  limit: z.coerce
    .number({ error: 'paging_invalid' })
    .int('paging_invalid')
    .min(1, 'paging_invalid')
    .max(MAX_PAGE_LIMIT, 'paging_invalid')
    .default(20),
});

export const createApiKeySchema = z.strictObject(
  {
    name: z
      .string({ error: 'name_required' })
      .trim()
      .min(1, 'name_required')
      .max(NAME_MAX_LENGTH, 'name_too_long')
      .refine(isSafeDisplayText, 'name_invalid'),
    scopes: z
      .array(z.enum(API_KEY_SCOPES, { error: 'scope_invalid' }))
      .max(API_KEY_SCOPES.length, 'scope_invalid')
      .optional(),
  },
  { error: 'invalid_input' },
);

/** Token subjects from other platforms live in their own namespace, so they never equal a person id here. */
export const externalSubject = (keyId: string, sub: string): string => `ext:${keyId}:${sub}`;

/**
 * The shape `api-keys.json` must have, checked when it is read. Loose objects keep fields this
 * version does not know, so an older build does not drop them.
 */
import { z } from '../../lib/zodWithoutEval';
import { API_KEY_SCOPES } from '../../lib/apiKeys/ApiKeyStore';

const apiKey = z.looseObject({
  id: z.string(),
  name: z.string(),
  hash: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const apiKeyFileSchema = z.looseObject({ keys: z.array(apiKey) });

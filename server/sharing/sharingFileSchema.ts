/**
 * The shape `access.json` (invites and co-author requests) must have, checked when it is read.
 * Loose objects keep fields this version does not know, so an older build does not drop them.
 */
import { z } from '../../lib/zodWithoutEval';
import { REQUEST_STATES } from '../../lib/sharing/SharingStore';

const invite = z.looseObject({
  id: z.string(),
  documentId: z.string(),
  tokenHash: z.string(),
  role: z.enum(['editor', 'commenter', 'viewer']),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
  uses: z.number().int().min(0),
});

const request = z.looseObject({
  id: z.string(),
  documentId: z.string(),
  personId: z.string(),
  message: z.string(),
  state: z.enum(REQUEST_STATES),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
});

export const sharingFileSchema = z.looseObject({
  invites: z.record(z.string(), invite).default({}),
  requests: z.record(z.string(), request).default({}),
});

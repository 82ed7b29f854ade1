/**
 * The shape `meta.json` must have. Access and consultation fields may be missing (records from
 * before issues 3 and 5: withAccessDefaults fills them in); everything else a document always had.
 * Loose objects keep fields this version does not know, so an older build does not drop them.
 */
import { z } from '../../lib/zodWithoutEval';
import { DOCUMENT_ROLES, DOCUMENT_STATES, VISIBILITIES } from '../../lib/access/model';
import { isValidDocumentId } from '../../lib/documentId';

const grant = z.discriminatedUnion('subject', [
  z.looseObject({ subject: z.literal('person'), personId: z.string(), role: z.enum(DOCUMENT_ROLES) }),
  z.looseObject({ subject: z.literal('organisation'), organisationId: z.string(), role: z.enum(DOCUMENT_ROLES) }),
]);

const consultation = z.looseObject({
  opensAt: z.string().nullable().optional(),
  closesAt: z.string().nullable().optional(),
  citizensMayComment: z.boolean().optional(),
  organisationsMayComment: z.boolean().optional(),
  guestsMayComment: z.boolean().optional(),
});

const storedMeta = z.looseObject({
  id: z.string().refine(isValidDocumentId, 'not a valid document id'),
  title: z.string(),
  template: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.looseObject({ id: z.string(), name: z.string() }),
  epoch: z.number().int().min(1),
  workspaceId: z.string().nullable().optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  state: z.enum(DOCUMENT_STATES).optional(),
  grants: z.array(grant).optional(),
  consultation: consultation.optional(),
});

export const metaFileSchema = z.looseObject({ documents: z.record(z.string(), storedMeta).default({}) }).superRefine((file, context) => {
  for (const [key, meta] of Object.entries(file.documents)) {
    if (meta.id !== key) context.addIssue({ code: 'custom', path: ['documents', key, 'id'], message: `differs from its key ${key}` });
  }
});

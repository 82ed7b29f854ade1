/**
 * Metadata written before documents had access fields (issue 3) loads with the safest reading:
 * private, draft, outside any workspace, with no grants. Such a document was open to anyone with a
 * display name, and its `createdBy` is a throwaway session id, not an account, so nobody can be
 * assumed its owner: only an admin sees it until someone is granted access.
 *
 * Consultation settings written before issue 5 held only `guestsMayComment`: the dates and the
 * audience get their defaults (no dates; everyone signed in may comment during consultation).
 */
import { withConsultationDefaults } from '../../lib/access/consultation';
import type { ConsultationSettings } from '../../lib/access/model';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';

export type StoredDocumentMeta = Omit<DocumentMeta, 'workspaceId' | 'visibility' | 'state' | 'grants' | 'consultation'> &
  Partial<Pick<DocumentMeta, 'workspaceId' | 'visibility' | 'state' | 'grants'>> & {
    /** Before issue 5 only `{ guestsMayComment }`; every missing field gets its default. */
    readonly consultation?: Partial<ConsultationSettings>;
  };

export function withAccessDefaults(meta: StoredDocumentMeta): DocumentMeta {
  return {
    ...meta,
    workspaceId: meta.workspaceId ?? null,
    visibility: meta.visibility ?? 'private',
    state: meta.state ?? 'draft',
    grants: meta.grants ?? [],
    consultation: withConsultationDefaults(meta.consultation),
  };
}

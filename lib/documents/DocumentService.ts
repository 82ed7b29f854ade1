import type { DocumentMeta, PersonRef } from '../storage/MetadataStore';
import type { TemplateId } from './templates';

export interface CreateDocumentInput {
  /** A chosen id (e.g. from an edit sync token); a random one otherwise. */
  readonly id?: string;
  readonly title: string;
  readonly template: TemplateId;
  readonly createdBy: PersonRef;
}

/** Documents as the app and the sync server see them: metadata plus a body seeded on the server. */
export interface DocumentService {
  /** Newest first. */
  list(): Promise<DocumentMeta[]>;
  get(id: string): Promise<DocumentMeta | null>;
  /** Seeds the body (Yjs state built from the template) durably, then records the metadata. */
  create(input: CreateDocumentInput): Promise<DocumentMeta>;
  rename(id: string, title: string): Promise<DocumentMeta | null>;
  /** Records that the body changed (updatedAt); cheap to call often. */
  touch(id: string): void;
}

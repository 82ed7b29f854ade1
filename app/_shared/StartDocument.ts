import type { DocumentState } from '../../lib/access/model';
import type { VersionKind } from '../../lib/versions/model';
import type { DocumentSummary } from './DocumentSummary';

/** A document as the start page lists it: its summary, its phase, and its latest version, if any. */
export interface StartDocument extends DocumentSummary {
  readonly state: DocumentState;
  readonly latestVersion: { readonly number: number; readonly kind: VersionKind; /** ISO 8601 */ readonly publishedAt: string } | null;
}

import type { DocumentState } from '../../lib/access/model';
import type { VersionKind } from '../../lib/versions/model';
import type { DocumentSummary } from './DocumentSummary';

/** A document as the start page lists it: its summary, its phase (with its consultation's dates), and its latest version, if any. */
export interface StartDocument extends DocumentSummary {
  readonly state: DocumentState;
  /** The consultation's dates (ISO 8601), for "Høring til 15. dec." beside the phase. */
  readonly consultation: { readonly opensAt: string | null; readonly closesAt: string | null };
  readonly latestVersion: { readonly number: number; readonly kind: VersionKind; /** ISO 8601 */ readonly publishedAt: string } | null;
}

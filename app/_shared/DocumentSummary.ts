/** A document as listed on the start page (serialisable, no internal ids of people). */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly template: string;
  /** ISO 8601 */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdByName: string;
  /** Whether the person looking may edit it (and so rename it), as can() decided. */
  readonly canEdit: boolean;
}

/**
 * Which comments a version's høringsnotat covers: those written while that version was the one
 * being read, from its freezing (or, for the first version, from the start) until the next version
 * froze the document again (or until now). A comment thus belongs to the version it was made on.
 * A suggestion still open when a later version froze carries forward: it is in that version's
 * notat too (it stays open on the document, and is decided on the draft that follows).
 */
import type { ReportVersionRef } from '../CommentService';
import type { StoredComment } from '../model';

export interface VersionSpan {
  readonly number: number;
  readonly kind: ReportVersionRef['kind'];
  readonly publishedAt: string;
  /** Comments written at or after this instant belong to it; null for the first version (all before it too). */
  readonly from: string | null;
  /** Comments written before this instant belong to it; null while it is the newest version. */
  readonly until: string | null;
  /** The version that followed it, if any (the outcome a compare view shows against it). */
  readonly next: { readonly number: number; readonly kind: ReportVersionRef['kind'] } | null;
}

/** The span of version `number` among `versions` (any order); null when there is no such version or none was asked for. */
export function versionSpan(versions: readonly ReportVersionRef[], number: number | undefined): VersionSpan | null {
  if (number === undefined) return null;
  const ordered = [...versions].sort((a, b) => a.number - b.number);
  const index = ordered.findIndex((version) => version.number === number);
  if (index < 0) return null;
  const version = ordered[index]!;
  const next = ordered[index + 1] ?? null;
  return {
    number: version.number,
    kind: version.kind,
    publishedAt: version.publishedAt,
    from: index === 0 ? null : version.publishedAt,
    until: next ? next.publishedAt : null,
    next: next ? { number: next.number, kind: next.kind } : null,
  };
}

/** Whether a comment written at `createdAt` belongs to the span. */
export function withinSpan(span: VersionSpan, createdAt: string): boolean {
  if (span.from !== null && createdAt < span.from) return false;
  return span.until === null || createdAt < span.until;
}

/** Whether `at` (an ISO instant or none) came before `instant`. */
const before = (at: string | undefined, instant: string) => at !== undefined && at < instant;

/**
 * Whether a thread root written before the span is a suggestion that was still open when the
 * span's version froze (not decided, resolved or withdrawn before then): it carries forward.
 */
export function carriedInto(
  span: VersionSpan,
  root: Pick<StoredComment, 'kind' | 'createdAt' | 'decision' | 'resolved' | 'deletedAt'>,
): boolean {
  if (span.from === null || root.kind !== 'suggestion' || root.createdAt >= span.from) return false;
  return !before(root.decision?.at, span.from) && !before(root.resolved?.at, span.from) && !before(root.deletedAt, span.from);
}

/** Whether a thread root is in the span's notat: written while its version was read, or carried forward into it. */
export function inSpan(
  span: VersionSpan,
  root: Pick<StoredComment, 'kind' | 'createdAt' | 'decision' | 'resolved' | 'deletedAt'>,
): boolean {
  return withinSpan(span, root.createdAt) || carriedInto(span, root);
}

/**
 * Which of the newest published versions a feed lists: those of documents the feed's reader may
 * view by can() as each document stands now (a document made private since it was published
 * leaves the public feed), optionally narrowed further (one workspace's documents).
 */
import { can } from '../access/can';
import type { Actor, DocumentResource } from '../access/model';
import type { VersionSummary } from './model';

export interface FeedSelection {
  /** Newest first, as `VersionService.recentPublished` gives them. */
  readonly candidates: readonly VersionSummary[];
  /** Who reads the feed: anonymous for the public feed, the signed-in member for a workspace's. */
  readonly reader: Actor;
  /** The document's access resource now; null when it no longer exists. */
  readonly resourceOf: (documentId: string) => Promise<DocumentResource | null>;
  /** A further condition on the document (e.g. its workspace). */
  readonly include?: (resource: DocumentResource) => boolean;
  readonly limit: number;
}

export async function feedVersions(selection: FeedSelection): Promise<VersionSummary[]> {
  const allowed = new Map<string, boolean>();
  const chosen: VersionSummary[] = [];
  for (const version of selection.candidates) {
    if (chosen.length >= selection.limit) break;
    if (version.kind !== 'published') continue;
    let ok = allowed.get(version.documentId);
    if (ok === undefined) {
      const resource = await selection.resourceOf(version.documentId);
      ok = resource !== null && can(selection.reader, 'view', resource).allowed && (selection.include?.(resource) ?? true);
      allowed.set(version.documentId, ok);
    }
    if (ok) chosen.push(version);
  }
  return chosen;
}

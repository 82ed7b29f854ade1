/** Deep copies of versions, so what a store hands out or is given cannot change what it keeps. */
import type { DocumentVersion, VersionSummary } from '../../lib/versions/model';
import { copyContributors } from '../../lib/versions/versionContributorsSchema';

export function copySummary(version: VersionSummary): VersionSummary {
  return {
    documentId: version.documentId,
    number: version.number,
    kind: version.kind,
    title: version.title,
    summary: version.summary,
    publishedAt: version.publishedAt,
    publishedBy: { id: version.publishedBy.id, name: version.publishedBy.name },
    closesPhase: version.closesPhase,
    hash: version.hash,
  };
}

export function copyVersion(version: DocumentVersion): DocumentVersion {
  return {
    ...copySummary(version),
    content: {
      yjsState: Uint8Array.from(version.content.yjsState),
      body: structuredClone(version.content.body),
      html: version.content.html,
    },
    // Absent when none are recorded (a version stored before they were).
    ...(version.contributors ? { contributors: copyContributors(version.contributors) } : {}),
  };
}

/** Newest first across documents: later publishedAt, then document id, then higher number. */
export function byNewestPublished(a: VersionSummary, b: VersionSummary): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
  return b.number - a.number;
}

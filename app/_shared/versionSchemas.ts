/**
 * The body of POST /api/documents/[id]/versions and the JSON shape versions are answered in. The
 * summary's text policy and length, the title's, and the idempotency key are checked again by the
 * service (lib/versions/publishInput.ts); here: the types, unknown fields, and a size cap.
 */
import { z } from '../../lib/zodWithoutEval';
import { VERSION_SUMMARY_MAX, type DocumentVersion, type VersionContributor, type VersionSummary } from '../../lib/versions/model';

/** A summary of VERSION_SUMMARY_MAX characters, each up to 4 bytes and escaped in JSON, fits. */
export const PUBLISH_BODY_MAX_BYTES = 64 * 1024;

export const publishVersionSchema = z.strictObject(
  {
    summary: z.string({ error: 'summary_invalid' }).max(VERSION_SUMMARY_MAX * 4, 'summary_too_long'),
    title: z.string({ error: 'title_invalid' }).max(1000, 'title_too_long').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown_field' : 'invalid_input') },
);

/** A version as the API answers it (the publisher by name only). */
export interface VersionJson {
  readonly number: number;
  readonly kind: VersionSummary['kind'];
  readonly title: string;
  readonly summary: string;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly closesPhase: VersionSummary['closesPhase'];
  readonly hash: string;
}

export function versionJson(version: VersionSummary): VersionJson {
  return {
    number: version.number,
    kind: version.kind,
    title: version.title,
    summary: version.summary,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedBy.name,
    closesPhase: version.closesPhase,
    hash: version.hash,
  };
}

/** A version's contributor as the API answers it: what its page shows (no person ids). */
export interface VersionContributorJson {
  readonly kind: VersionContributor['kind'];
  readonly name: string;
  readonly organisation: string | null;
}

export function versionWithHtmlJson(
  version: DocumentVersion,
): VersionJson & { readonly html: string; readonly contributors: VersionContributorJson[] | null } {
  return {
    ...versionJson(version),
    html: version.content.html,
    contributors: version.contributors ? version.contributors.map(({ kind, name, organisation }) => ({ kind, name, organisation })) : null,
  };
}

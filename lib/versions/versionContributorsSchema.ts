/** The stored shape of a version's contributors (file and PostgreSQL stores read it back through this). */
import { z } from '../zodWithoutEval';
import { VERSION_CONTRIBUTORS_MAX, VERSION_CONTRIBUTOR_KINDS, type VersionContributor } from './model';

export const versionContributorsSchema = z
  .array(
    z.strictObject({
      kind: z.enum(VERSION_CONTRIBUTOR_KINDS),
      personId: z.string().max(200).nullable(),
      name: z.string().max(1000),
      organisation: z.string().max(1000).nullable(),
    }),
  )
  .max(VERSION_CONTRIBUTORS_MAX);

/** Stored contributors as the model's, or null when there are none recorded or they do not read as contributors. */
export function readVersionContributors(raw: unknown): VersionContributor[] | null {
  if (raw === null || raw === undefined) return null;
  const parsed = versionContributorsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export const copyContributors = (contributors: readonly VersionContributor[]): VersionContributor[] =>
  contributors.map((contributor) => ({ ...contributor }));

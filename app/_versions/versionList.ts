/**
 * Versions as the browser reads them from `GET /api/documents/<id>/versions` (newest first), and
 * the paths that name them. Pure: parsing never trusts the answer's shape (before the versions
 * route exists, or from an older server, there is simply no list).
 */
import { VERSION_KINDS, type VersionKind } from '../../lib/versions/model';

/** What the editor UI needs of a version. */
export interface VersionItem {
  readonly number: number;
  readonly kind: VersionKind;
  readonly title: string;
  readonly summary: string;
  /** ISO 8601. */
  readonly publishedAt: string;
  readonly publishedByName: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** One version from an answer (the POST's `version`, or an entry of the GET's `versions`); null when it is not one. */
export function parseVersion(value: unknown): VersionItem | null {
  if (!isRecord(value)) return null;
  const { number, kind, title, summary, publishedAt, publishedBy } = value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) return null;
  if (typeof publishedAt !== 'string' || Number.isNaN(Date.parse(publishedAt))) return null;
  return {
    number,
    // The POST answer may leave the kind out: what it made is a published version.
    kind: VERSION_KINDS.includes(kind as VersionKind) ? (kind as VersionKind) : 'published',
    title: typeof title === 'string' ? title : '',
    summary: typeof summary === 'string' ? summary : '',
    publishedAt,
    // The API answers the publisher's name (`publishedBy: "Mona Moderator"`); a summary holds `{ id, name }`.
    publishedByName:
      typeof publishedBy === 'string' ? publishedBy : isRecord(publishedBy) && typeof publishedBy.name === 'string' ? publishedBy.name : '',
  };
}

/** The GET answer's versions, newest first; null when the answer is no list. */
export function parseVersionList(payload: unknown): VersionItem[] | null {
  if (!isRecord(payload) || !Array.isArray(payload.versions)) return null;
  return payload.versions
    .map(parseVersion)
    .filter((version): version is VersionItem => version !== null)
    .sort((a, b) => b.number - a.number);
}

/** The newest published version (consultation drafts are not what "published" means). */
export function newestPublished(versions: readonly VersionItem[]): VersionItem | null {
  return versions.find((version) => version.kind === 'published') ?? null;
}

export const versionsApiPath = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}/versions`;
/** The public page of one version (stable: its meaning never changes). */
export const versionPagePath = (documentId: string, number: number): string => `/p/${encodeURIComponent(documentId)}/v/${number}`;
/** The compare view of a version against the current draft. */
export const compareWithCurrentPath = (documentId: string, number: number): string =>
  `/d/${encodeURIComponent(documentId)}/versions/compare?from=${number}&to=current`;

/** Reads the document's versions; null when there is no list to read (404 before the route exists, errors, offline). */
export async function fetchVersions(documentId: string): Promise<VersionItem[] | null> {
  try {
    const response = await fetch(versionsApiPath(documentId), { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return null;
    return parseVersionList(await response.json());
  } catch {
    return null;
  }
}

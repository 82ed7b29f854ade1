/** The public addresses of versions (issue 9). Stable: `/p/<id>/v/<n>` always means version n. */
import type { VersionSummary } from './model';

export const EXPORT_FORMATS = ['html', 'md', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const segment = (id: string) => encodeURIComponent(id);

/** The latest published version of a document (what it shows changes as new versions come). */
export const latestVersionPath = (documentId: string): string => `/p/${segment(documentId)}`;

/** One version, for good. */
export const versionPath = (documentId: string, number: number): string => `/p/${segment(documentId)}/v/${number}`;

export const versionExportPath = (documentId: string, number: number, format: ExportFormat): string =>
  `${versionPath(documentId, number)}/export?format=${format}`;

/** The consultation's høringsnotat as a page: of one version (the consultation draft it belongs to), or of every comment. */
export const reportPath = (documentId: string, version?: number): string =>
  `/api/documents/${segment(documentId)}/report?format=html${version === undefined ? '' : `&version=${version}`}`;

export const PUBLIC_FEED_PATH = '/p/feed.xml';

export const workspaceFeedPath = (workspaceId: string): string => `/api/workspaces/${segment(workspaceId)}/feed.xml`;

/** The stable path of a version summary. */
export const pathOf = (version: Pick<VersionSummary, 'documentId' | 'number'>): string => versionPath(version.documentId, version.number);

/**
 * File names for downloads: an ASCII slug that is safe on every file system and in a plain
 * `filename="…"` (Danish letters spelled out, as Danes do without them: æ→ae, ø→oe, å→aa), and the
 * real name with æøå in RFC 5987's `filename*` for the browsers that read it (all current ones).
 */

export const EXPORT_FORMATS = ['html', 'md', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Longest slug, in characters (file systems allow 255 bytes; room for the suffix). */
const MAX_SLUG = 80;

const SPELLED: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa', ß: 'ss' };

/** "Høringssvar: Ærø 2027" → "hoeringssvar-aeroe-2027"; "dokument" when nothing is left. */
export function slugify(title: string, fallback = 'dokument'): string {
  const slug = title
    .replace(/[æøåÆØÅß]/g, (c) => SPELLED[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `<slug>-v<n>.<ext>`: what the download is saved as. */
export function versionFileName(title: string, number: number, extension: string): string {
  return `${slugify(title)}-v${number}.${extension}`;
}

/** The readable name (the title itself, v<n>), for `filename*`: only characters no file system refuses. */
export function versionDisplayName(title: string, number: number, extension: string): string {
  const readable = title
    // Path separators, characters Windows refuses, and control characters become spaces.
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SLUG)
    .trim();
  return `${readable === '' ? 'dokument' : readable} v${number}.${extension}`;
}

/** RFC 5987 `value-chars`: attr-char stays, everything else is percent-encoded UTF-8. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition value: `attachment` (or `inline`) with the ASCII `filename` and, when it
 * differs, `filename*=UTF-8''…` (RFC 6266 §4.3: readers that know it prefer it).
 */
export function contentDisposition(
  asciiName: string,
  displayName: string = asciiName,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  // The ASCII name is ours (a slug), but keep the quoted-string safe whatever is passed in.
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const header = `${disposition}; filename="${ascii}"`;
  return displayName === ascii ? header : `${header}; filename*=UTF-8''${encodeRfc5987(displayName)}`;
}

/** The Content-Disposition of a version's export. */
export function versionContentDisposition(title: string, number: number, extension: string): string {
  return contentDisposition(versionFileName(title, number, extension), versionDisplayName(title, number, extension));
}

/**
 * What EN 301 549 ch. 10 (via PDF/UA) asks of a PDF's catalog that a printer may leave out: the
 * document language (`/Lang`) and viewers showing the title rather than the file name
 * (`/ViewerPreferences << /DisplayDocTitle true >>`). Added as an incremental update (the catalog
 * written again after the file's end, with a cross-reference section and a trailer pointing back
 * at the old one), so nothing before it moves. Only entries that are missing are added; a file
 * whose last cross-reference section is not a classic table is left as it is.
 */
import { fromBinary, toBinary } from './pdfBinary';

/** A PDF literal string: `(…)` with `\`, `(` and `)` escaped (a language tag is ASCII). */
function pdfString(value: string): string {
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The trailer dictionary's entries we carry forward. */
function trailerOf(text: string, xrefAt: number): { size: number; root: string; info: string | null; id: string | null } | null {
  const trailer = /trailer\s*<<([^]*?)>>\s*startxref/.exec(text.slice(xrefAt));
  if (!trailer) return null;
  const body = trailer[1]!;
  const size = /\/Size\s+(\d+)/.exec(body)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(body)?.[1];
  if (!size || !root) return null;
  return {
    size: Number(size),
    root,
    info: /\/Info\s+(\d+\s+\d+\s+R)/.exec(body)?.[1] ?? null,
    id: /\/ID\s*(\[[^\]]*\])/.exec(body)?.[1] ?? null,
  };
}

export function completePdfCatalog(bytes: Uint8Array, options: { readonly language: string }): Uint8Array {
  const text = toBinary(bytes);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) return bytes;
  const xrefAt = Number(startxref[1]);
  if (!text.startsWith('xref', xrefAt)) return bytes;
  const trailer = trailerOf(text, xrefAt);
  if (!trailer) return bytes;
  const [objectNumber, generation] = trailer.root.split(/\s+/).map(Number) as [number, number];
  // The catalog as last written (a later update's copy wins).
  const objects = [...text.matchAll(new RegExp(`(?:^|[\\r\\n])${objectNumber}\\s+${generation}\\s+obj\\s*(<<[^]*?>>)\\s*endobj`, 'g'))];
  const catalog = objects[objects.length - 1]?.[1];
  if (!catalog) return bytes;
  const additions: string[] = [];
  if (!/\/Lang\s*[(<]/.test(catalog) && options.language !== '') additions.push(`/Lang ${pdfString(options.language)}`);
  if (!/\/ViewerPreferences\b/.test(catalog)) additions.push('/ViewerPreferences << /DisplayDocTitle true >>');
  if (additions.length === 0) return bytes;

  const updated = `<<${additions.join(' ')} ${catalog.slice(2)}`;
  let tail = text.endsWith('\n') ? '' : '\n';
  const objectAt = text.length + tail.length;
  tail += `${objectNumber} ${generation} obj\n${updated}\nendobj\n`;
  const newXrefAt = text.length + tail.length;
  tail +=
    `xref\n${objectNumber} 1\n${String(objectAt).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n` +
    `trailer\n<< /Size ${trailer.size} /Root ${trailer.root}${trailer.info ? ` /Info ${trailer.info}` : ''}` +
    `${trailer.id ? ` /ID ${trailer.id}` : ''} /Prev ${xrefAt} >>\nstartxref\n${newXrefAt}\n%%EOF\n`;
  return fromBinary(text + tail);
}

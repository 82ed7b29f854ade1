/**
 * Chromium writes the time of printing into a PDF (`/CreationDate`, `/ModDate`) and a file
 * identifier drawn from it (`/ID`). These are replaced in place by values of the same length (so
 * every byte offset of the cross-reference table stays right): the dates by a fixed one, the
 * identifier by hex digits from a seed. The same HTML then prints to the same bytes.
 */
import { fromBinary, toBinary } from './pdfBinary';

/** `YYYYMMDDHHmmSS` of an ISO date, in UTC. */
function pdfDigits(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return date.toISOString().slice(0, 19).replace(/\D/g, '');
}

/** Hex digits from a seed: its own hex digits first (a content hash has plenty), then FNV-1a rounds of it. */
function seedHex(seed: string, length: number): string {
  let hex = seed
    .replace(/^sha256-/, '')
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase();
  for (let round = 0; hex.length < length; round += 1) {
    let hash = 0x811c9dc5;
    for (const c of `${seed}#${round}`) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex.slice(0, length);
}

export function stabilizePdf(bytes: Uint8Array, fixed: { readonly date: string; readonly seed: string }): Uint8Array {
  const text = toBinary(bytes);
  const digits = pdfDigits(fixed.date);
  const stable = text
    // The zone keeps its length: `Z` stays, `+01'00'` becomes `+00'00'` (the digits are UTC now).
    .replace(
      /(\/(?:CreationDate|ModDate)\s*\(D:)\d{14}([+\-Z][0-9']*)?\)/g,
      (_whole, head: string, zone = '') => `${head}${digits}${zone.replace(/^-/, '+').replace(/\d/g, '0')})`,
    )
    .replace(
      /(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)/g,
      (_w, a: string, first: string, b: string, second: string, c: string) => {
        const hex = seedHex(fixed.seed, first.length + second.length);
        return `${a}${hex.slice(0, first.length)}${b}${hex.slice(first.length)}${c}`;
      },
    );
  return stable === text ? bytes : fromBinary(stable);
}

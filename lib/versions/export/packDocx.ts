/**
 * Word documents from paragraphs, byte for byte the same for the same input. `docx` puts the time
 * of packing into three places and chance into one: core.xml's created and modified (now), every zip
 * entry's modification time (now, in the server's local zone), and each hyperlink's relationship id
 * (nanoid). The package is unpacked and packed again with fflate (the zip library docx itself uses)
 * with those made fixed: the timestamps become `modifiedAt` (for a version, when it was published),
 * the ids are numbered in the order docx wrote them.
 */
import { AlignmentType, BorderStyle, Document, Packer } from 'docx';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { DOCX_STYLE, type DocxBlock } from './bodyToDocx';

export interface DocxInput {
  readonly title: string;
  readonly creator: string;
  readonly description: string;
  /** BCP 47, e.g. `da-DK`: the language spell checkers and screen readers use for the text. */
  readonly language: string;
  /** ISO 8601: written as the document's created and modified time, and as every zip entry's time. */
  readonly modifiedAt: string;
  readonly children: readonly DocxBlock[];
}

const CONTENT_TYPES = '[Content_Types].xml';
const FONT = 'Calibri';
const MONO = 'Courier New';

function heading(level: number, size: number) {
  return {
    run: { font: FONT, size, bold: true, color: '1F1F1F' },
    // The outline level is what Word's navigation pane and a table of contents use.
    paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: { before: level === 1 ? 0 : 240, after: 120 } },
  };
}

function buildDocument(input: DocxInput): Document {
  return new Document({
    title: input.title,
    creator: input.creator,
    lastModifiedBy: input.creator,
    description: input.description,
    revision: 1,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: input.language } }, paragraph: { spacing: { after: 120, line: 276 } } },
        heading1: heading(1, 36),
        heading2: heading(2, 30),
        heading3: heading(3, 26),
        heading4: heading(4, 24),
        heading5: heading(5, 22),
        heading6: heading(6, 22),
      },
      paragraphStyles: [
        {
          id: DOCX_STYLE.quote,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '404040' },
          paragraph: {
            indent: { left: 720, right: 720 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: '888888', space: 8 } },
          },
        },
        {
          id: DOCX_STYLE.codeBlock,
          name: 'HTML Preformatted',
          basedOn: 'Normal',
          run: { font: MONO, size: 20 },
          paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 120, line: 240 } },
        },
      ],
      characterStyles: [
        { id: DOCX_STYLE.code, name: 'HTML Code', basedOn: 'DefaultParagraphFont', run: { font: MONO, size: 20 } },
        { id: DOCX_STYLE.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: {} } },
      ],
    },
    sections: [{ children: [...input.children] }],
  });
}

/** `2026-12-07T13:05:09Z`: W3CDTF as core.xml wants it, whole seconds. */
function w3cdtf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * The zip entries' time. Zip stores a wall-clock time without a zone and fflate reads it from a
 * Date's local fields: a Date whose local fields are the UTC ones gives the same bytes in any zone.
 */
function zipTime(iso: string): Date {
  const date = new Date(iso);
  // Zip times start in 1980.
  const year = Math.max(1980, date.getUTCFullYear());
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function fixCoreProperties(xml: string, modifiedAt: string, language: string): string {
  const time = w3cdtf(modifiedAt);
  let fixed = xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${time}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${time}$2`);
  if (!fixed.includes('<dc:language>')) {
    fixed = fixed.replace('</cp:coreProperties>', `<dc:language>${escapeXml(language)}</dc:language></cp:coreProperties>`);
  }
  return fixed;
}

/** Relationship ids docx drew at random, renamed `rId<n>` after the highest numbered one, in the order written. */
function renameRandomIds(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const names = Object.keys(files);
  const rels = names.filter((name) => name.endsWith('.rels')).sort();
  const renames = new Map<string, string>();
  let next = 0;
  for (const name of rels) {
    for (const [, id] of strFromU8(files[name]!).matchAll(/\bId="([^"]+)"/g)) {
      const numbered = /^rId(\d+)$/.exec(id!);
      if (numbered) next = Math.max(next, Number(numbered[1]));
    }
  }
  for (const name of rels) {
    for (const [, id] of strFromU8(files[name]!).matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(id!) && !renames.has(id!)) renames.set(id!, `rId${(next += 1)}`);
    }
  }
  if (renames.size === 0) return files;
  const pattern = new RegExp(`"(${[...renames.keys()].map((id) => id.replace(/[^\w]/g, '\\$&')).join('|')})"`, 'g');
  const out: Record<string, Uint8Array> = {};
  for (const name of names) {
    const isXml = name.endsWith('.xml') || name.endsWith('.rels');
    out[name] = isXml ? strToU8(strFromU8(files[name]!).replace(pattern, (_whole, id: string) => `"${renames.get(id)}"`)) : files[name]!;
  }
  return out;
}

/** The document as .docx bytes, the same bytes for the same input. */
export async function packDocx(input: DocxInput): Promise<Uint8Array> {
  const packed = await Packer.pack(buildDocument(input), 'uint8array');
  const files = renameRandomIds(unzipSync(packed));
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(fixCoreProperties(strFromU8(core), input.modifiedAt, input.language));
  const mtime = zipTime(input.modifiedAt);
  // [Content_Types].xml first (some readers look for it there), then docx's order; each with the fixed time.
  const names = Object.keys(files).sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const name of names) entries[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(entries);
}

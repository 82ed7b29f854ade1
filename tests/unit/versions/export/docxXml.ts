/** Reading a .docx back in tests: its parts, and word/document.xml as paragraphs. */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParagraph {
  readonly style: string | null;
  /** `<ilvl>/<numId>` of a list paragraph. */
  readonly numbering: { readonly level: number; readonly numId: number } | null;
  readonly text: string;
  readonly xml: string;
}

export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_w, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);

export function docxParagraphs(documentXml: string): DocxParagraph[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>([^]*?)<\/w:p>)/g)].map(([xml, inner = '']) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null;
    const numPr = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(inner);
    const text = [...inner.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map(([whole, t]) => (whole === '<w:br/>' ? '\n' : unescapeXml(t ?? '')))
      .join('');
    return { style, numbering: numPr ? { level: Number(numPr[1]), numId: Number(numPr[2]) } : null, text, xml };
  });
}

/** numId → its abstract numbering's level formats and starts (from word/numbering.xml). */
export function docxNumbering(numberingXml: string): Map<number, { format: string; start: number; text: string }[]> {
  const abstract = new Map<string, { format: string; start: number; text: string }[]>();
  for (const [, id, body] of numberingXml.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([^]*?)<\/w:abstractNum>/g)) {
    abstract.set(
      id!,
      [...body!.matchAll(/<w:lvl [^>]*>[^]*?<w:start w:val="(\d+)"\/><w:numFmt w:val="(\w+)"\/><w:lvlText w:val="([^"]*)"\/>/g)].map(
        ([, start, format, text]) => ({ start: Number(start), format: format!, text: text! }),
      ),
    );
  }
  const nums = new Map<number, { format: string; start: number; text: string }[]>();
  for (const [, numId, body] of numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>([^]*?)<\/w:num>/g)) {
    const levels = abstract.get(/<w:abstractNumId w:val="(\d+)"\/>/.exec(body!)?.[1] ?? '') ?? [];
    // A level override's start wins over the abstract start.
    const overrides = new Map(
      [...body!.matchAll(/<w:lvlOverride w:ilvl="(\d+)">[^]*?<w:startOverride w:val="(\d+)"\/>/g)].map(([, l, s]) => [
        Number(l),
        Number(s),
      ]),
    );
    nums.set(
      Number(numId),
      levels.map((level, index) => ({ ...level, start: overrides.get(index) ?? level.start })),
    );
  }
  return nums;
}

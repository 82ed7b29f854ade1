/**
 * A version printed to PDF by real Chromium (CHROMIUM_PATH or /usr/bin/chromium), read back with
 * pdf.js: the text in order with æ/ø/å as real text, the title and language, bookmarks from the
 * headings, a structure tree with heading, paragraph, list and link roles, embedded fonts; the same
 * bytes for the same version; and a typed "unavailable" answer without Chromium.
 */
import { existsSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { PdfResult } from '../../lib/versions/export/PdfPrinter';
import { renderVersionPdf } from '../../lib/versions/export/renderVersionPdf';
import { createPdfPrinter } from '../../server/versions/createPdfPrinter';
import { printHtmlToPdf } from '../../server/versions/printHtmlToPdf';
import { EVERY_NODE_WORDS, everyNodeVersion } from '../unit/versions/export/everyNodeVersion';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const options = { chromiumPath: CHROMIUM, timeoutMs: 60_000, maxBytes: 20 * 1024 * 1024 };

interface StructNode {
  role?: string;
  children?: StructNode[];
  type?: string;
}

function roles(node: StructNode, out: string[] = []): string[] {
  if (node.role) out.push(node.role);
  for (const child of node.children ?? []) roles(child, out);
  return out;
}

function bytesOf(result: PdfResult): Uint8Array {
  if (!result.ok) throw new Error(`no PDF: ${result.reason}: ${result.message}`);
  return result.bytes;
}

describe.skipIf(!existsSync(CHROMIUM))('a version as PDF (Chromium)', () => {
  const printer = createPdfPrinter(options);
  const version = everyNodeVersion({ hash: 'sha256-5f0c1e7e9a7b4c3d2e1f00112233445566778899aabbccddeeff001122334455' });

  it('is accessible: real text in order, title, language, bookmarks, structure tree, embedded fonts', async () => {
    const bytes = bytesOf(await renderVersionPdf(printer, version));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const task = getDocument({ data: bytes.slice(), useSystemFonts: false });
    const pdf = await task.promise;
    try {
      let text = '';
      for (let n = 1; n <= pdf.numPages; n += 1) {
        const content = await (await pdf.getPage(n)).getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      }
      const flat = text.replace(/\s+/g, ' ');
      let from = 0;
      for (const word of ['Lokalplan for Ærø: høring & svar', 'Version 3, udgivet', ...EVERY_NODE_WORDS]) {
        const at = flat.indexOf(word, from);
        expect(at, `"${word}" after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + word.length;
      }

      const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
      expect(info.Title).toBe('Lokalplan for Ærø: høring & svar (version 3)');
      expect(info.Language).toBe('da');

      const outline = await pdf.getOutline();
      const titles: string[] = [];
      const walk = (items: typeof outline) => items?.forEach((item) => (titles.push(item.title), walk(item.items)));
      walk(outline);
      expect(titles).toEqual(['Lokalplan for Ærø: høring & svar', 'Formål med Ærø-planen', 'Tiltag', 'Citat og kode']);

      const page = await pdf.getPage(1);
      const found = roles((await page.getStructTree()) as StructNode);
      for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Link']) expect(found, role).toContain(role);

      const mark = await pdf.getMarkInfo();
      expect(mark?.Marked).toBe(true);
      const preferences = await pdf.getViewerPreferences();
      // PDF/UA: viewers show the title, not the file name (when Chromium sets it).
      if (preferences?.has('DisplayDocTitle')) expect(preferences.get('DisplayDocTitle')).toBe(true);
    } finally {
      await task.destroy();
    }
    // Every font is embedded (a subset of DejaVu, which has æ, ø and å): as many font files as descriptors.
    const raw = Buffer.from(bytes).toString('latin1');
    const descriptors = raw.match(/\/Type\s*\/FontDescriptor/g)?.length ?? 0;
    const files = raw.match(/\/FontFile[23]?\s/g)?.length ?? 0;
    expect(descriptors).toBeGreaterThan(0);
    expect(files).toBe(descriptors);
    expect(raw).toMatch(/\/FontName\s*\/[A-Z]{6}\+DejaVuSans|\/FontName\s*\/DejaVuSans/);
  });

  it('gives the same bytes for the same version', async () => {
    const first = bytesOf(await renderVersionPdf(printer, version));
    const second = bytesOf(await renderVersionPdf(printer, version));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('refuses a PDF larger than the limit, and one that takes longer than the time limit', async () => {
    const html = '<!doctype html><html lang="da"><head><title>x</title></head><body><p>æøå</p></body></html>';
    expect(await printHtmlToPdf(html, { ...options, maxBytes: 1024 })).toMatchObject({ ok: false, reason: 'too_large' });
    // Chromium cannot even start in a millisecond: the limit, not a race, decides.
    expect(await printHtmlToPdf(html, { ...options, timeoutMs: 1 })).toMatchObject({ ok: false, reason: 'timeout' });
  });
});

describe('without Chromium', () => {
  it('answers "unavailable" with a sentence saying why', async () => {
    const printer = createPdfPrinter({ ...options, chromiumPath: '/nonexistent/chromium' });
    expect(await printer.availability()).toEqual({
      available: false,
      reason: 'chromium_missing',
      message: expect.stringContaining('No Chromium at /nonexistent/chromium'),
    });
    const result = await renderVersionPdf(printer, everyNodeVersion());
    expect(result).toMatchObject({ ok: false, reason: 'chromium_missing' });
  });
});

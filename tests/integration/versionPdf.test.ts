/**
 * A version printed to PDF by real Chromium (CHROMIUM_PATH or /usr/bin/chromium), read back with
 * pdf.js: the text in order with æ/ø/å as real text, the title and language, bookmarks from the
 * headings, a structure tree with heading, paragraph, list and link roles, embedded fonts; the same
 * bytes for the same version; and a typed "unavailable" answer without Chromium.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PdfResult } from '../../lib/versions/export/PdfPrinter';
import { renderVersionPdf } from '../../lib/versions/export/renderVersionPdf';
import { createPdfPrinter } from '../../server/versions/createPdfPrinter';
import { printHtmlToPdf } from '../../server/versions/printHtmlToPdf';
import { isMarked, withPdf } from '../helpers/loadPdf';
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
    const read = await withPdf(bytes, async (pdf) => {
      let text = '';
      for (let n = 1; n <= pdf.numPages; n += 1) {
        const content = await (await pdf.getPage(n)).getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      }
      const titles: string[] = [];
      const walk = (items: { title: string; items: unknown[] }[] | null) =>
        items?.forEach((item) => {
          titles.push(item.title);
          walk(item.items as { title: string; items: unknown[] }[]);
        });
      walk(await pdf.getOutline());
      const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
      return {
        text,
        info,
        titles,
        pages: pdf.numPages,
        roles: roles((await (await pdf.getPage(1)).getStructTree()) as StructNode),
        marked: await isMarked(pdf),
        preferences: await pdf.getViewerPreferences(),
      };
    });
    // For the report: what was read back.
    console.info(
      JSON.stringify({
        bytes: bytes.length,
        pages: read.pages,
        title: read.info.Title,
        language: read.info.Language,
        outline: read.titles,
        roles: [...new Set(read.roles)],
        marked: read.marked,
        displayDocTitle: read.preferences?.get('DisplayDocTitle'),
        producer: read.info.Producer,
      }),
    );
    const flat = read.text.replace(/\s+/g, ' ');
    let from = 0;
    for (const word of ['Lokalplan for Ærø: høring & svar', 'Version 3, udgivet', ...EVERY_NODE_WORDS]) {
      const at = flat.indexOf(word, from);
      expect(at, `"${word}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + word.length;
    }
    expect(read.info.Title).toBe('Lokalplan for Ærø: høring & svar (version 3)');
    expect(read.info.Language).toBe('da');
    expect(read.titles).toEqual(['Lokalplan for Ærø: høring & svar', 'Formål med Ærø-planen', 'Tiltag', 'Citat og kode']);
    for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Link']) expect(read.roles, role).toContain(role);
    expect(read.marked).toBe(true);
    // PDF/UA: viewers show the title, not the file name.
    expect(read.preferences?.get('DisplayDocTitle')).toBe(true);
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

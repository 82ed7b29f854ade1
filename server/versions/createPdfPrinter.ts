/**
 * The PdfPrinter the services hand to route handlers: Chromium (printHtmlToPdf) at most
 * `concurrency` at a time (each print is a browser process; the rest wait their turn), the result
 * made byte-stable when asked, and its catalog given the page's language and DisplayDocTitle where
 * Chromium left them out.
 */
import type { PdfPrinter } from '../../lib/versions/export/PdfPrinter';
import { completePdfCatalog } from '../../lib/versions/export/completePdfCatalog';
import { stabilizePdf } from '../../lib/versions/export/stabilizePdf';
import { chromiumAvailability, printHtmlToPdf, type ChromiumOptions } from './printHtmlToPdf';

/** The `lang` of the page's <html> element ('' without one). */
function htmlLanguage(html: string): string {
  return /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*)/i.exec(html)?.[1] ?? '';
}

export function createPdfPrinter(options: ChromiumOptions & { readonly concurrency?: number }): PdfPrinter {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  let running = 0;
  const queue: (() => void)[] = [];
  const turn = async () => {
    if (running >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    running += 1;
  };
  const done = () => {
    running -= 1;
    queue.shift()?.();
  };
  return {
    async print(html, printOptions) {
      await turn();
      try {
        const result = await printHtmlToPdf(html, options);
        if (!result.ok) return result;
        // Stabilised first: that rewrites in place, completing appends (and copies the stable /ID).
        const stable = printOptions?.fixed ? stabilizePdf(result.bytes, printOptions.fixed) : result.bytes;
        return { ok: true, bytes: completePdfCatalog(stable, { language: htmlLanguage(html) }) };
      } finally {
        done();
      }
    },
    availability: () => chromiumAvailability(options.chromiumPath),
  };
}

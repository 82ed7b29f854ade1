/**
 * The PdfPrinter the services hand to route handlers: Chromium (printHtmlToPdf) at most
 * `concurrency` at a time (each print is a browser process; the rest wait their turn), with the
 * result made byte-stable when asked.
 */
import type { PdfPrinter } from '../../lib/versions/export/PdfPrinter';
import { stabilizePdf } from '../../lib/versions/export/stabilizePdf';
import { chromiumAvailability, printHtmlToPdf, type ChromiumOptions } from './printHtmlToPdf';

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
        if (!result.ok || !printOptions?.fixed) return result;
        return { ok: true, bytes: stabilizePdf(result.bytes, printOptions.fixed) };
      } finally {
        done();
      }
    },
    availability: () => chromiumAvailability(options.chromiumPath),
  };
}

/**
 * pdf.js (pdfjs-dist's legacy build, for Node) for reading PDFs back in tests. pdf.js 6 calls
 * `Promise.withResolvers`, which Node 20 (the oldest Node the project supports) lacks: it is
 * supplied here before pdf.js is loaded.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };

const promises = Promise as unknown as { withResolvers?: WithResolvers };
if (typeof promises.withResolvers !== 'function') {
  promises.withResolvers = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

/** Opens a PDF, hands it to `read`, and frees pdf.js's resources afterwards. */
export async function withPdf<T>(bytes: Uint8Array, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js may transfer the buffer to its worker: give it a copy.
  const task = getDocument({ data: bytes.slice(), useSystemFonts: false, stopAtErrors: true });
  const pdf = await task.promise;
  try {
    return await read(pdf);
  } finally {
    await task.destroy();
  }
}

/** Whether the PDF says it is tagged (`/MarkInfo << /Marked true >>`); pdf.js answers with a Map, whatever its types say. */
export async function isMarked(pdf: PDFDocumentProxy): Promise<boolean> {
  const info = (await pdf.getMarkInfo()) as unknown;
  return info instanceof Map ? info.get('Marked') === true : (info as { Marked?: boolean } | null)?.Marked === true;
}

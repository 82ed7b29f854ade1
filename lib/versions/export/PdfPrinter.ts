/**
 * Printing HTML to an accessible PDF (tagged structure, language, title, bookmarks from headings,
 * embedded fonts): the server does it with Chromium (server/versions), route handlers reach it as
 * `getServices().pdf`. Printing can be unavailable (no Chromium on the machine) or fail: that is a
 * result with a reason, not an exception, so the route answers 503 and the UI can say why.
 */
export const PDF_FAILURES = ['chromium_missing', 'chromium_failed', 'timeout', 'too_large'] as const;
export type PdfFailure = (typeof PDF_FAILURES)[number];

export type PdfResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** `message`: one sentence for the log, naming what is missing or what went wrong (never shown as is). */
  | { readonly ok: false; readonly reason: PdfFailure; readonly message: string };

export type PdfAvailability =
  { readonly available: true } | { readonly available: false; readonly reason: PdfFailure; readonly message: string };

export interface PdfPrintOptions {
  /**
   * Makes the file the same bytes each time for the same HTML (stabilizePdf.ts): the PDF's
   * creation and modification dates become `date` (ISO 8601), its file identifier comes from
   * `seed` (e.g. the version's content hash).
   */
  readonly fixed?: { readonly date: string; readonly seed: string };
}

export interface PdfPrinter {
  /** Prints a standalone HTML document that loads nothing (renderVersionHtmlFile, the høringsnotat). */
  print(html: string, options?: PdfPrintOptions): Promise<PdfResult>;
  /** Whether printing can work on this machine, and if not, why (checked without printing). */
  availability(): Promise<PdfAvailability>;
}

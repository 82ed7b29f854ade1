/** The sentence a page shows next to the PDF download when `getServices().pdf.availability()` says it cannot work. */
import type { Locale } from '../../i18n/messages';
import { translator } from '../../i18n/translator';
import type { PdfFailure } from './PdfPrinter';

export function pdfUnavailableMessage(reason: PdfFailure, locale: Locale = 'da'): string {
  const t = translator(locale);
  switch (reason) {
    case 'chromium_missing':
      return t('versionExport.pdf.chromium_missing');
    case 'chromium_failed':
      return t('versionExport.pdf.chromium_failed');
    case 'timeout':
      return t('versionExport.pdf.timeout');
    case 'too_large':
      return t('versionExport.pdf.too_large');
  }
}

import { describe, expect, it } from 'vitest';
import { PDF_FAILURES, type PdfPrinter, type PdfPrintOptions } from '../../../../lib/versions/export/PdfPrinter';
import { pdfUnavailableMessage } from '../../../../lib/versions/export/pdfUnavailableMessage';
import { parseVersionNumber } from '../../../../lib/versions/parseVersionNumber';
import { isExportFormat, renderVersionExport } from '../../../../lib/versions/export/renderVersionExport';
import { everyNodeVersion } from './everyNodeVersion';

/** A printer that keeps what it was asked to print and answers as told. */
function printer(answer: 'ok' | 'missing') {
  const calls: { html: string; options?: PdfPrintOptions }[] = [];
  const pdf: PdfPrinter = {
    async print(html, options) {
      calls.push({ html, options });
      return answer === 'ok'
        ? { ok: true, bytes: new TextEncoder().encode('%PDF-1.7 fake') }
        : { ok: false, reason: 'chromium_missing', message: 'No Chromium at /nowhere.' };
    },
    availability: async () => ({ available: true }),
  };
  return { pdf, calls };
}

describe('renderVersionExport', () => {
  const version = everyNodeVersion({ hash: 'sha256-abc' });

  it.each([
    ['html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['md', 'text/markdown; charset=utf-8', '# Lokalplan'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
  ] as const)('%s: the file, its type and a download name', async (format, type, start) => {
    const result = await renderVersionExport(format, version, printer('ok'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.contentType).toBe(type);
    expect(new TextDecoder().decode(result.body.subarray(0, 20)).startsWith(start)).toBe(true);
    expect(result.contentDisposition).toMatch(
      new RegExp(`^attachment; filename="lokalplan-for-aeroe-hoering-svar-v3\\.${format}"; filename\\*=UTF-8''`),
    );
  });

  it('prints the standalone HTML file to PDF, fixed to the publishing time and the content hash', async () => {
    const { pdf, calls } = printer('ok');
    const result = await renderVersionExport('pdf', version, { pdf });
    expect(result.ok && result.contentType).toBe('application/pdf');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.html).toContain('<html lang="da">');
    expect(calls[0]!.html).toContain('<h1>Lokalplan for Ærø: høring &amp; svar</h1>');
    expect(calls[0]!.options).toEqual({ fixed: { date: '2026-12-07T13:05:09.000Z', seed: 'sha256-abc' } });
  });

  it('passes on why a PDF cannot be made', async () => {
    expect(await renderVersionExport('pdf', version, printer('missing'))).toEqual({
      ok: false,
      reason: 'chromium_missing',
      message: 'No Chromium at /nowhere.',
    });
  });
});

describe('the query', () => {
  it('knows the four formats and nothing else', () => {
    expect(['html', 'md', 'docx', 'pdf'].every(isExportFormat)).toBe(true);
    expect(['csv', 'HTML', '', 'toString', null].some(isExportFormat)).toBe(false);
  });

  it('takes version numbers written plainly, from 1', () => {
    expect(['1', '42', '999999999'].map(parseVersionNumber)).toEqual([1, 42, 999999999]);
    expect(['0', '-1', '01', '1.0', '1e3', ' 1', '1000000000', 'abc', '', null].map(parseVersionNumber)).toEqual(Array(10).fill(null));
  });
});

describe('pdfUnavailableMessage', () => {
  it('says in Danish (or English) why there is no PDF', () => {
    expect(pdfUnavailableMessage('chromium_missing')).toContain('Chromium er ikke installeret');
    expect(pdfUnavailableMessage('timeout', 'en')).toContain('printing took too long');
    expect(new Set(PDF_FAILURES.map((reason) => pdfUnavailableMessage(reason))).size).toBe(PDF_FAILURES.length);
  });
});

import { describe, expect, it } from 'vitest';
import { completePdfCatalog } from '../../../../lib/versions/export/completePdfCatalog';
import { isMarked, withPdf } from '../../../helpers/loadPdf';

/** A one-page PDF with a classic cross-reference table, the offsets computed. */
function minimalPdf(catalogExtra = ''): Uint8Array {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >>${catalogExtra} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>',
    '<< /Title (Pr\\370ve) /Producer (test) >>',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R /ID [<00ff> <00ff>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

async function read(bytes: Uint8Array) {
  return withPdf(bytes, async (pdf) => {
    const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
    return { info, preferences: await pdf.getViewerPreferences(), marked: await isMarked(pdf), pages: pdf.numPages };
  });
}

describe('completePdfCatalog', () => {
  it('adds the language and DisplayDocTitle as an update after the file, which pdf.js reads', async () => {
    const original = minimalPdf();
    expect((await read(original)).info.Language ?? null).toBeNull();
    const completed = completePdfCatalog(original, { language: 'da' });
    // Nothing before the update moved.
    expect(Buffer.from(completed.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const after = await read(completed);
    expect(after.info.Language).toBe('da');
    expect(after.info.Title).toBe('Prøve');
    expect(after.preferences?.get('DisplayDocTitle')).toBe(true);
    expect(after.marked).toBe(true);
    expect(after.pages).toBe(1);
  });

  it('leaves a file that has both as it is, and is the same bytes each time', () => {
    const complete = minimalPdf(' /Lang (da) /ViewerPreferences << /DisplayDocTitle true >>');
    expect(completePdfCatalog(complete, { language: 'da' })).toBe(complete);
    const once = completePdfCatalog(minimalPdf(), { language: 'da' });
    expect(Buffer.from(completePdfCatalog(minimalPdf(), { language: 'da' })).equals(Buffer.from(once))).toBe(true);
    // A second pass finds the updated catalog complete.
    expect(completePdfCatalog(once, { language: 'da' })).toBe(once);
  });

  it('keeps a language the printer wrote, adding only what is missing', async () => {
    const completed = completePdfCatalog(minimalPdf(' /Lang (en-GB)'), { language: 'da' });
    const after = await read(completed);
    expect(after.info.Language).toBe('en-GB');
    expect(after.preferences?.get('DisplayDocTitle')).toBe(true);
  });
});

/**
 * Every export of a version lists the contributors frozen with it, in the export's language (the
 * labels' locale: Danish by default, `&lang=en` English): "Bidragydere: A, B og C" / "Contributors:
 * A, B and C", a person on behalf of an organisation as "Navn (Organisation)", the template as
 * "Skabelon" / "Template". The bytes stay the same for the same version, also after the version
 * went through a store and a restart; a version without recorded contributors has no such line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../../lib/i18n/messages';
import { contentHash } from '../../../../lib/versions/contentHash';
import type { PdfPrinter } from '../../../../lib/versions/export/PdfPrinter';
import { renderVersionExport } from '../../../../lib/versions/export/renderVersionExport';
import { EXPORT_FORMATS } from '../../../../lib/versions/export/versionFileName';
import type { DocumentVersion, VersionContributor } from '../../../../lib/versions/model';
import { FileVersionStore } from '../../../../server/versions/FileVersionStore';
import { docxParagraphs, docxParts } from './docxXml';
import { everyNodeVersion } from './everyNodeVersion';

const CONTRIBUTORS: readonly VersionContributor[] = [
  { kind: 'person', personId: 'p-1', name: 'Anne Østergård', organisation: 'Foreningen <Havnen> & Co' },
  { kind: 'person', personId: 'p-2', name: 'Bo Hansen', organisation: null },
  { kind: 'apiKey', personId: null, name: 'Borgerportalen', organisation: null },
  { kind: 'template', personId: null, name: 'Skabelon', organisation: null },
];

const LINES: Record<Locale, string> = {
  da: 'Bidragydere: Anne Østergård (Foreningen <Havnen> & Co), Bo Hansen, Borgerportalen og Skabelon',
  en: 'Contributors: Anne Østergård (Foreningen <Havnen> & Co), Bo Hansen, Borgerportalen and Template',
};

/** A printer that "prints" the HTML it is given as the PDF's bytes (what Chromium would lay out). */
const echoPrinter: PdfPrinter = {
  print: async (html) => ({ ok: true, bytes: new TextEncoder().encode(html) }),
  availability: async () => ({ available: true }),
};

async function render(format: (typeof EXPORT_FORMATS)[number], version: DocumentVersion, locale: Locale): Promise<Uint8Array> {
  const result = await renderVersionExport(format, version, { pdf: echoPrinter, locale });
  if (!result.ok) throw new Error(result.message);
  return result.body;
}

/** The text a reader sees in the file's header, per format. */
function headerText(format: (typeof EXPORT_FORMATS)[number], bytes: Uint8Array): string {
  if (format === 'docx') {
    return docxParagraphs(docxParts(bytes)['word/document.xml']!)
      .map((paragraph) => paragraph.text)
      .join('\n');
  }
  const text = new TextDecoder().decode(bytes);
  if (format === 'md') return text.replace(/\\([<>&()])/g, '$1');
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('contributors in exports', () => {
  const base = everyNodeVersion();
  // A whole version (its hash that of its title and body), so the file store takes it as it is.
  const version: DocumentVersion = { ...base, contributors: CONTRIBUTORS, hash: contentHash(base.title, base.content.body) };

  describe.each(['da', 'en'] as const)('in %s', (locale) => {
    it.each(EXPORT_FORMATS)('%s lists them under the version line', async (format) => {
      const text = headerText(format, await render(format, version, locale));
      expect(text).toContain(LINES[locale]);
      const versionLine = locale === 'da' ? 'Version 3, udgivet' : 'Version 3, published';
      expect(text.indexOf(versionLine)).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(versionLine)).toBeLessThan(text.indexOf(LINES[locale]));
    });
  });

  it('escapes them as text in HTML (and so in the PDF printed from it)', async () => {
    const html = new TextDecoder().decode(await render('html', version, 'da'));
    expect(html).toContain(
      '<p class="meta contributors">Bidragydere: Anne Østergård (Foreningen &lt;Havnen&gt; &amp; Co), Bo Hansen, Borgerportalen og Skabelon</p>',
    );
    expect(new TextDecoder().decode(await render('html', version, 'en'))).toContain('<p class="meta contributors" lang="en">Contributors:');
  });

  it.each(EXPORT_FORMATS)('%s: the same bytes for the same version, also read back from the store after a restart', async (format) => {
    const dir = await mkdtemp(join(tmpdir(), 'samskriv-export-contributors-'));
    dirs.push(dir);
    const store = new FileVersionStore({ dir });
    await store.open();
    await store.add({ ...version, documentId: 'docA', idempotencyKey: null });
    await store.close();
    const again = new FileVersionStore({ dir });
    await again.open();
    const stored = (await again.get('docA', 3))!;
    await again.close();
    expect(stored.contributors).toEqual(CONTRIBUTORS);
    for (const locale of ['da', 'en'] as const) {
      const first = await render(format, version, locale);
      expect(Buffer.from(await render(format, stored, locale)).equals(Buffer.from(first))).toBe(true);
    }
  });

  it('says so when none are known, and has no such line for a version stored before they were recorded', async () => {
    const none = headerText('md', await render('md', everyNodeVersion({ contributors: [] }), 'da'));
    expect(none).toContain('Bidragydere: ingen kendte');
    expect(headerText('md', await render('md', everyNodeVersion({ contributors: [] }), 'en'))).toContain('Contributors: none known');
    for (const format of EXPORT_FORMATS) {
      const text = headerText(format, await render(format, everyNodeVersion(), 'da'));
      expect(text).not.toContain('Bidragydere');
    }
  });

  it('names a deleted person as the store hands them out ("Tidligere deltager"), once however many there were', async () => {
    const formers = everyNodeVersion({
      contributors: [
        { kind: 'former', personId: null, name: 'Tidligere deltager', organisation: null },
        { kind: 'person', personId: 'p-2', name: 'Bo Hansen', organisation: null },
        { kind: 'former', personId: null, name: 'Tidligere deltager', organisation: null },
      ],
    });
    expect(headerText('md', await render('md', formers, 'da'))).toContain('Bidragydere: Tidligere deltager og Bo Hansen');
    expect(headerText('md', await render('md', formers, 'en'))).toContain('Contributors: Former participant and Bo Hansen');
  });
});

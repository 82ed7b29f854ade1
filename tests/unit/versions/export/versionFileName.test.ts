import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  slugify,
  versionContentDisposition,
  versionDisplayName,
  versionFileName,
} from '../../../../lib/versions/export/versionFileName';

/** The `filename*` value of a Content-Disposition header, decoded. */
function extendedName(header: string): string | null {
  const match = /filename\*=UTF-8''([^;]+)/.exec(header);
  return match ? decodeURIComponent(match[1]!) : null;
}

describe('versionFileName', () => {
  it('spells out æ, ø and å and keeps only ASCII letters, digits and dashes', () => {
    expect(versionFileName('Lokalplan for Ærø: høring & svar', 3, 'md')).toBe('lokalplan-for-aeroe-hoering-svar-v3.md');
    expect(slugify('Café Übersee – Åbent hus')).toBe('cafe-ubersee-aabent-hus');
  });

  it('falls back to "dokument" when nothing is left, and never leads out of a folder', () => {
    expect(versionFileName('', 1, 'pdf')).toBe('dokument-v1.pdf');
    expect(versionFileName('???', 2, 'docx')).toBe('dokument-v2.docx');
    expect(versionFileName('../../etc/passwd', 1, 'html')).toBe('etc-passwd-v1.html');
  });

  it('caps the slug so the name stays short', () => {
    const name = versionFileName('ord '.repeat(100), 12, 'docx');
    expect(name.length).toBeLessThanOrEqual(80 + '-v12.docx'.length);
    expect(name).toMatch(/^[a-z0-9-]+-v12\.docx$/);
    expect(name).not.toMatch(/--/);
  });
});

describe('Content-Disposition', () => {
  it('has an ASCII filename and the title with æøå in filename* (RFC 5987)', () => {
    const header = versionContentDisposition('Lokalplan for Ærø: høring & svar', 3, 'pdf');
    expect(header).toMatch(/^attachment; filename="lokalplan-for-aeroe-hoering-svar-v3\.pdf"; filename\*=UTF-8''/);
    expect(extendedName(header)).toBe('Lokalplan for Ærø høring & svar v3.pdf');
    // Only attr-chars and percent escapes after UTF-8'': no quotes, spaces or semicolons to break the header.
    expect(header.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect([...header].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f)).toBe(true);
  });

  it('leaves out filename* when the name is plain ASCII already, and keeps the quoted name safe', () => {
    expect(contentDisposition('plan-v1.md')).toBe('attachment; filename="plan-v1.md"');
    expect(contentDisposition('a"b\\c.md', 'a"b\\c.md', 'inline')).toBe(`inline; filename="a_b_c.md"; filename*=UTF-8''a%22b%5Cc.md`);
  });

  it('the readable name has no path separators or control characters', () => {
    expect(versionDisplayName('a/b\\c:d\u0007e\nf', 1, 'md')).toBe('a b c d e f v1.md');
    expect(versionDisplayName('   ', 4, 'md')).toBe('dokument v4.md');
  });
});

import { describe, expect, it } from 'vitest';
import { stabilizePdf } from '../../../../lib/versions/export/stabilizePdf';

const pdf = (created: string, modified: string, id: string) =>
  new Uint8Array(
    Buffer.from(
      `%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Title (T) /CreationDate (D:${created}) /ModDate (D:${modified})>>\nendobj\n` +
        `trailer\n<</Size 2 /Root 1 0 R /ID [<${id}> <${id}>]>>\nstartxref\n42\n%%EOF\n`,
      'latin1',
    ),
  );

describe('stabilizePdf', () => {
  const fixed = { date: '2026-12-07T13:05:09.000Z', seed: 'sha256-0123456789abcdef0123456789abcdef0123456789abcdef' };

  it('gives the same bytes for prints made at different times, and keeps the length', () => {
    const morning = pdf("20270101090000+01'00'", "20270101090000+01'00'", 'A1B2C3D4E5F60718293A4B5C6D7E8F90');
    const evening = pdf("20270630213017-04'00'", "20270630213017-04'00'", '0F1E2D3C4B5A69788796A5B4C3D2E1F0');
    const a = stabilizePdf(morning, fixed);
    const b = stabilizePdf(evening, fixed);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(a.length).toBe(morning.length);
    const text = Buffer.from(a).toString('latin1');
    expect(text).toContain("/CreationDate (D:20261207130509+00'00')");
    expect(text).toMatch(/\/ID \[<0123456789abcdef0123456789abcdef> <0123456789abcdef[0-9a-f]{16}>\]/);
    // Bytes above 0x7f (the binary comment, font data) come through untouched.
    expect(a[10]).toBe(0xe2);
  });

  it('differs for another version (seed) or time', () => {
    const base = pdf('20270101090000Z', '20270101090000Z', 'AB'.repeat(16));
    const one = stabilizePdf(base, fixed);
    expect(Buffer.from(stabilizePdf(base, { ...fixed, seed: 'sha256-ffff' })).equals(Buffer.from(one))).toBe(false);
    expect(Buffer.from(stabilizePdf(base, { ...fixed, date: '2026-12-08T00:00:00Z' })).equals(Buffer.from(one))).toBe(false);
  });
});

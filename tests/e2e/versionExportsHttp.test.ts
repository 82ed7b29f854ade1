/**
 * Version exports over HTTP against the production server (issue 9): `GET /p/<id>/v/<n>/export`
 * in every format for a signed-out visitor of a public document (types, download names with
 * æøå, public caching, the text in the files, the same bytes twice), the owner only for a private
 * one (not cached), the refusals (400 format and number, 404 version and document); the
 * høringsnotat as DOCX and PDF with `&version=`; and 503 `export_unavailable` for PDF without
 * Chromium. Needs the versions service and `POST /api/documents/<id>/versions` (helper "core").
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPdf } from '../helpers/loadPdf';
import { PARAGRAPHS, startServerWithAdmin, writeBody, type Client, type CommentsClient } from './helpers/commentsClient';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let admin: Client;

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

interface Download {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
  readonly code: string | null;
}

async function get(base: AppServer, path: string, as?: Client): Promise<Download> {
  const response = await fetch(`${base.url}${path}`, { headers: as?.session ? { Cookie: `samskriv_session=${as.session}` } : {} });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  const code = json ? ((JSON.parse(new TextDecoder().decode(bytes)) as { error?: { code: string } }).error?.code ?? null) : null;
  return { status: response.status, headers: response.headers, bytes, code };
}

/** A document with the test paragraphs, put in review and published as version 1 by the admin who made it. */
async function publishedDocument(title: string, visibility: 'public' | 'private'): Promise<string> {
  const created = await http.ok(http.call('POST', '/api/documents', { as: admin, body: { title, template: 'blank' } }), 'create');
  const id = (created.body!.document as { id: string }).id;
  if (visibility === 'public') {
    await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: admin, body: { visibility: 'public' } }), 'public');
  }
  await writeBody(server, admin.session!, id);
  // Publishing is for moderators and admins, from review or consultation: the admin owns it and moves it to review.
  await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: admin, body: { state: 'in_review' } }), 'review');
  const published = await http.ok(
    http.call('POST', `/api/documents/${id}/versions`, { as: admin, body: { summary: 'Første udgave' } }),
    'publish',
  );
  expect(published.status).toBe(201);
  expect((published.body!.version as { number: number }).number).toBe(1);
  return id;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  return withPdf(bytes, async (pdf) => {
    let text = '';
    for (let n = 1; n <= pdf.numPages; n += 1) {
      text += (await (await pdf.getPage(n)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    }
    return text.replace(/\s+/g, ' ');
  });
}

describe('GET /p/<id>/v/<n>/export', () => {
  let id: string;
  beforeAll(async () => {
    id = await publishedDocument('Fællesspisning i Kulturhuset', 'public');
  }, 60_000);

  it('gives a signed-out visitor each format of a public document, cacheable, with an æøå file name', async () => {
    const expected = {
      html: 'text/html; charset=utf-8',
      md: 'text/markdown; charset=utf-8',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
    };
    for (const [format, type] of Object.entries(expected)) {
      const answer = await get(server, `/p/${id}/v/1/export?format=${format}`);
      expect(answer.status, format).toBe(200);
      expect(answer.headers.get('content-type')).toBe(type);
      expect(answer.headers.get('cache-control')).toBe('public, max-age=3600, immutable');
      expect(answer.headers.get('content-disposition')).toBe(
        `attachment; filename="faellesspisning-i-kulturhuset-v1.${format}"; filename*=UTF-8''F%C3%A6llesspisning%20i%20Kulturhuset%20v1.${format}`,
      );
      const again = await get(server, `/p/${id}/v/1/export?format=${format}`);
      expect(Buffer.from(again.bytes).equals(Buffer.from(answer.bytes)), `${format}: the same bytes`).toBe(true);

      const text =
        format === 'docx'
          ? strFromU8(unzipSync(answer.bytes)['word/document.xml']!).replace(/<[^>]+>/g, ' ')
          : format === 'pdf'
            ? await pdfText(answer.bytes)
            : new TextDecoder().decode(answer.bytes);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Fællesspisning i Kulturhuset');
      for (const paragraph of PARAGRAPHS) expect(flat, format).toContain(paragraph);
      expect(flat.indexOf(PARAGRAPHS[1]!)).toBeGreaterThan(flat.indexOf(PARAGRAPHS[0]!));
      // Its contributors, frozen with it (the blank template wrote nothing), in every format, the PDF too.
      expect(flat, format).toContain('Bidragydere: Ada Admin');
    }
    const html = new TextDecoder().decode((await get(server, `/p/${id}/v/1/export`)).bytes);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<html lang="da">');
  });

  it('refuses a bad format or number with 400 and a missing version or document with 404', async () => {
    expect((await get(server, `/p/${id}/v/1/export?format=xls`)).code).toBe('export_format_invalid');
    for (const n of ['0', '-1', '01', 'abc', '1.5', '9999999999']) {
      const answer = await get(server, `/p/${id}/v/${n}/export?format=md`);
      expect(`${answer.status} ${answer.code}`, n).toBe('400 version_invalid');
    }
    expect((await get(server, `/p/${id}/v/99/export?format=md`)).status).toBe(404);
    expect((await get(server, `/p/nosuchdocument/v/1/export?format=md`)).status).toBe(404);
  });

  it('gives a private document’s version to who may read it only, and never to caches', async () => {
    const hidden = await publishedDocument('Internt notat', 'private');
    expect((await get(server, `/p/${hidden}/v/1/export?format=md`)).status).toBe(404);
    const stranger = await http.signUp('Sofie Fremmed');
    expect((await get(server, `/p/${hidden}/v/1/export?format=md`, stranger)).status).toBe(404);
    const own = await get(server, `/p/${hidden}/v/1/export?format=md`, admin);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('GET /api/documents/<id>/report as DOCX and PDF', () => {
  it('renders the høringsnotat in Word and PDF, with a checked version', async () => {
    const id = await publishedDocument('Høring om Kulturhuset', 'public');
    const docx = await get(server, `/api/documents/${id}/report?format=docx&version=1`, admin);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="hoeringsnotat-${id}-v1.docx"`);
    expect(strFromU8(unzipSync(docx.bytes)['word/document.xml']!)).toContain('<w:pStyle w:val="Heading1"/>');
    const pdf = await get(server, `/api/documents/${id}/report?format=pdf`, admin);
    expect(pdf.status).toBe(200);
    expect(await pdfText(pdf.bytes)).toContain('Høring om Kulturhuset');
    expect((await get(server, `/api/documents/${id}/report?format=docx&version=x1`, admin)).code).toBe('version_invalid');
    expect((await get(server, `/api/documents/${id}/report?format=docx&version=7`, admin)).status).toBe(404);
    expect((await get(server, `/api/documents/${id}/report?format=rtf`, admin)).code).toBe('format_invalid');
  });
});

describe('PDF without Chromium', () => {
  it('answers 503 export_unavailable, and the other formats still work', async () => {
    const bare = await startAppServer({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    try {
      const client = (await import('./helpers/commentsClient')).commentsClient(bare);
      const setup = await client.ok(
        client.call('POST', '/api/setup', {
          body: { token: bare.setupToken(), email: 'admin@eksempel.dk', name: 'Ada Admin', password: 'en lang adgangskode' },
        }),
        'setup',
      );
      const owner: Client = { session: client.cookieValue(setup, 'samskriv_session')! };
      const created = await client.ok(
        client.call('POST', '/api/documents', { as: owner, body: { title: 'Uden PDF', template: 'blank' } }),
        'create',
      );
      const id = (created.body!.document as { id: string }).id;
      await writeBody(bare, owner.session!, id);
      await client.ok(client.call('PATCH', `/api/documents/${id}/state`, { as: owner, body: { state: 'in_review' } }), 'review');
      await client.ok(client.call('POST', `/api/documents/${id}/versions`, { as: owner, body: { summary: 'x' } }), 'publish');
      const pdf = await get(bare, `/p/${id}/v/1/export?format=pdf`, owner);
      expect(`${pdf.status} ${pdf.code}`).toBe('503 export_unavailable');
      expect(pdf.headers.get('retry-after')).toBe('60');
      expect((await get(bare, `/p/${id}/v/1/export?format=docx`, owner)).status).toBe(200);
    } finally {
      await bare.stop();
    }
  });
});

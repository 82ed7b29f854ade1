/**
 * Bad input over HTTP against the production server (issue 10, items 6, 12 and 13 and the titles):
 * malformed percent-encoding on every route family answers 400 (API: the JSON error shape) or the
 * not-found page, never 500, and the server keeps serving; a comment a moderator hid stays counted
 * as hidden after its author deletes it; the høringsnotat CSV for Danish Excel; titles of nothing but invisible characters, or with a lone
 * surrogate, are refused with a code, on the app's routes and the platform API.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Close } from '../../lib/protocol';
import { startServerWithAdmin, writeBody, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let admin: Client;

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const codeOf = (answer: Answer) => `${answer.status} ${answer.body?.error?.code ?? ''}`.trim();

describe('malformed URLs', () => {
  // Broken escapes (`%`, `%A`, `%zz`), bytes that are not UTF-8 (`%ff`, a cut-off or overlong
  // sequence, an encoded surrogate), in every place a route reads a segment.
  const BROKEN = ['%E0%A4%A', '%ff%fe', '%', '%A', '%zz', '%C0%AF', '%ED%A0%80', 'a%ffb'];
  const API_PATHS = (bad: string) => [
    `/api/documents/${bad}`,
    `/api/documents/${bad}/comments`,
    `/api/documents/${bad}/report?format=csv`,
    `/api/documents/${bad}/moderation-summary`,
    `/api/documents/${bad}/state`,
    `/api/documents/abc/comments/${bad}`,
    `/api/documents/abc/comments/${bad}/replies`,
    `/api/documents/abc/invites/${bad}`,
    `/api/documents/abc/requests/${bad}`,
    `/api/invitations/${bad}`,
    `/api/moderation/comments/${bad}`,
    `/api/admin/people/${bad}`,
    `/api/admin/api-keys/${bad}`,
    `/api/admin/organisations/${bad}/members`,
    `/api/admin/workspaces/${bad}/members`,
    `/api/v1/documents/${bad}/access`,
    `/api/${bad}`,
  ];
  const PAGE_PATHS = (bad: string) => [
    `/d/${bad}`,
    `/d/${bad}/hoeringsnotat`,
    `/invitation/${bad}`,
    `/embed/${bad}`,
    `/${bad}`,
    `/konto/${bad}`,
  ];

  it('answers 400 bad_url on every API route family, for every method, never 500', async () => {
    const seen: string[] = [];
    for (const bad of BROKEN) {
      for (const path of API_PATHS(bad)) {
        for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
          const answer = await http.call(method, path, { as: admin, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
          seen.push(`${method} ${path} → ${codeOf(answer)}`);
        }
      }
    }
    const wrong = seen.filter((line) => !line.endsWith('→ 400 bad_url'));
    expect(wrong).toEqual([]);
    const one = await http.call('GET', '/api/documents/%ff%fe/comments');
    expect(one.headers['content-type']).toMatch(/^application\/json/);
    expect(one.body!.error!.message).toMatch(/\S/);
  });

  it('shows the not-found page (or 400) for pages, never 500', async () => {
    const seen: string[] = [];
    for (const bad of BROKEN) {
      for (const path of PAGE_PATHS(bad)) {
        const answer = await http.call('GET', path, { as: admin });
        seen.push(`${path} → ${answer.status}`);
        if (answer.status === 404) expect(answer.headers['content-type']).toMatch(/^text\/html/);
      }
    }
    expect(seen.filter((line) => !/→ (400|404)$/.test(line))).toEqual([]);
    const page = await http.call('GET', '/d/%E0%A4%A');
    expect(page.text).toContain('<html lang="da"');
  });

  it('keeps serving afterwards: health, a page and an API route answer as usual', async () => {
    await http.call('GET', '/d/%E0%A4%A');
    await http.call('GET', '/api/documents/%ff%fe/comments');
    expect((await http.call('GET', '/healthz')).status).toBe(200);
    expect((await http.call('GET', '/konto/log-ind')).status).toBe(200);
    expect(codeOf(await http.call('GET', '/api/documents/findes-ikke/comments'))).toMatch(/^(401|404) /);
    // Well-formed escapes are still read as before.
    expect((await http.call('GET', '/d/%66indes-ikke')).status).toBe(404);
  });

  it('refuses a sync connection to a malformed document id with the bad-id close code', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/%ff%fe`);
    const [code, reason] = await new Promise<[number, string]>((resolve, reject) => {
      ws.once('close', (c, r) => resolve([c, r.toString()]));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    expect({ code, reason }).toEqual(Close.badDocumentId);
  });
});

/** A public document with a body, in consultation. */
async function publicConsultation() {
  const owner = await http.signUp('Olga Ejer');
  const created = await http.ok(
    http.call('POST', '/api/documents', { as: owner, body: { title: 'Kulturhuset for alle', template: 'blank' } }),
    'create',
  );
  const id = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');
  const anchor = await writeBody(server, owner.session!, id);
  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: owner, body: { state } }), state);
  return { id, anchor };
}

describe('a hidden comment its author deletes', () => {
  it('stays counted as hidden, by ground, in the public summary and the høringsnotat; the text goes', async () => {
    const { id, anchor } = await publicConsultation();
    const moderator = await http.signUp('Mona Moderator');
    await http.ok(http.call('PATCH', `/api/admin/people/${moderator.id}`, { as: admin, body: { role: 'moderator' } }), 'role');
    const karen = await http.signUp('Karen Borger');
    const base = `/api/documents/${id}/comments`;
    const rude = await http.ok(
      http.call('POST', base, { as: karen, body: { kind: 'comment', anchor: anchor('børn'), text: 'Grimme ord om Bo' } }),
      'comment',
    );
    const rudeId = (rude.body!.comment as { id: string }).id;
    await http.ok(
      http.call('POST', `/api/moderation/comments/${rudeId}`, {
        as: moderator,
        body: { action: 'hide', ground: 'personal_data', reason: 'Navngiver en borger' },
      }),
      'hide',
    );
    const hiddenSummary = {
      documentId: id,
      hidden: 1,
      hiddenByGround: { offensive: 0, personal_data: 1, spam: 0, off_topic: 0, other: 0 },
      reviewedAndKept: 0,
    };
    expect((await http.call('GET', `/api/documents/${id}/moderation-summary`)).body).toEqual(hiddenSummary);

    const deleted = await http.call('DELETE', `${base}/${rudeId}`, { as: karen });
    expect(deleted.status).toBe(200);

    expect((await http.call('GET', `/api/documents/${id}/moderation-summary`)).body).toEqual(hiddenSummary);
    const html = await http.call('GET', `/api/documents/${id}/report`);
    expect(html.text).toContain('Skjult af moderatorer (ikke med her)</dt><dd>1</dd>');
    expect(html.text).toContain('Trukket tilbage af forfatteren (ikke med her)</dt><dd>0</dd>');
    expect(html.text).not.toContain('Grimme ord');
    const forModerator = await http.call('GET', base, { as: moderator });
    expect(forModerator.text).not.toContain('Grimme ord');
  });
});

describe('the høringsnotat as CSV', () => {
  it('comes semicolon-separated for Danish Excel with ?sep=semicolon, with a BOM, every text quoted and no formula after a separator', async () => {
    const { id, anchor } = await publicConsultation();
    const karen = await http.signUp('Karen Borger');
    await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: karen,
        body: { kind: 'comment', anchor: anchor('børn'), text: "x;=cmd|' /C calc'!A0" },
      }),
      'comment',
    );
    const csv = await http.call('GET', `/api/documents/${id}/report?format=csv&sep=semicolon`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\ufeff"Overskrift";"Afsnit";"Tekst";"Oprindelig tekst";"Type";')).toBe(true);
    expect(csv.text).toContain(`;"x;'=cmd|' /C calc'!A0";`);
    const comma = await http.call('GET', `/api/documents/${id}/report?format=csv`);
    expect(comma.text.startsWith('\ufeff"Overskrift","Afsnit","Tekst","Oprindelig tekst","Type",')).toBe(true);
    expect(comma.text).toContain(`,"x;'=cmd|' /C calc'!A0",`);
    expect(codeOf(await http.call('GET', `/api/documents/${id}/report?format=csv&sep=tab`))).toBe('400 sep_invalid');
    const page = await http.call('GET', `/d/${id}/hoeringsnotat`);
    expect(page.text).toMatch(/href="[^"]*\/report\?format=csv&amp;sep=semicolon" download="">CSV til dansk Excel/);
  });
});

describe('titles', () => {
  const INVISIBLE = ['\u200b', '\u200b\u200c', ' \u200d ', '\u200b \u200b'];
  const LONE_SURROGATES = ['Plan \ud800', '\udc00Plan', 'Plan \ud83d for byen'];

  it('refuses titles of nothing but zero-width characters (title_required) and lone surrogates (title_invalid) on create and rename', async () => {
    const owner = await http.signUp('Olga Ejer');
    for (const title of INVISIBLE)
      expect(codeOf(await http.call('POST', '/api/documents', { as: owner, body: { title, template: 'blank' } }))).toBe(
        '400 title_required',
      );
    for (const title of LONE_SURROGATES)
      expect(codeOf(await http.call('POST', '/api/documents', { as: owner, body: { title, template: 'blank' } }))).toBe(
        '400 title_invalid',
      );
    const created = await http.ok(
      http.call('POST', '/api/documents', { as: owner, body: { title: 'Plan 😀 for byen', template: 'blank' } }),
      'create',
    );
    const id = (created.body!.document as { id: string }).id;
    expect(codeOf(await http.call('PATCH', `/api/documents/${id}`, { as: owner, body: { title: '\u200b\u200b' } }))).toBe(
      '400 title_required',
    );
    expect(codeOf(await http.call('PATCH', `/api/documents/${id}`, { as: owner, body: { title: 'Ny \udfff' } }))).toBe('400 title_invalid');
    const renamed = await http.call('PATCH', `/api/documents/${id}`, { as: owner, body: { title: 'Plan for byen, 2. udgave' } });
    expect(renamed.status).toBe(200);
  });

  it('refuses them on the platform API too', async () => {
    const made = await http.ok(http.call('POST', '/api/admin/api-keys', { as: admin, body: { name: 'Decidim' } }), 'api key');
    const key = made.body!.key as string;
    const api = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) =>
        `${response.status} ${((await response.json()) as { error?: { code: string } }).error?.code ?? ''}`.trim(),
      );
    expect(await api('/api/v1/documents', { title: '\u200b' })).toBe('400 title_required');
    expect(await api('/api/v1/documents', { title: 'Plan \ud800' })).toBe('400 title_invalid');
    expect(await api('/api/v1/documents', { title: 'Plan for byen' })).toBe('201');
    const token = { doc: 'nyt-dokument', access: 'edit', sub: 'u1', name: 'Ulla' };
    expect(await api('/api/v1/sync-tokens', { ...token, title: '\u200c\u200b' })).toBe('400 title_required');
    expect(await api('/api/v1/sync-tokens', { ...token, title: '\udc00' })).toBe('400 title_invalid');
  });
});

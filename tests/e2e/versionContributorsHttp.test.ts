/**
 * A published version's contributors are frozen with it (issue 12, "the people around a document")
 * against the production server: a staff member writes a paragraph on her own and one on behalf of
 * an organisation, into a project proposal's template; a moderator publishes it. The version's
 * page (signed out, no JavaScript needed), its JSON and its exports name "Sara Stab", "Sara Stab
 * (Havnens Venner)" and "Skabelon" / "Template". Then the server is stopped, the document's stored
 * body (its whole history) is moved out of the data dir, and the server started again: no room can
 * load that document's history any more (one would load empty and name nobody), yet the page, the
 * JSON and the exports name the same people, the exports byte for byte as before.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithAdmin, type Client, type CommentsClient } from './helpers/commentsClient';
import { setRoleOverHttp, writeParagraph } from './helpers/consultationDocument';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let staff: Awaited<ReturnType<CommentsClient['signUp']>>;
let id = '';
let number = 0;

const ALONE = 'Sara skriver om madordningen.';
const ON_BEHALF = 'Foreningen tilbyder at stå for opvasken hver torsdag.';
/** Most text first: the template's sections, then the longer paragraph (on behalf of the organisation). */
const DANISH = 'Skabelon, Sara Stab (Havnens Venner) og Sara Stab';
const ENGLISH = 'Template, Sara Stab (Havnens Venner) and Sara Stab';

/** The text of the page's contributors (the facts' `dd`), as a reader sees it. */
function contributorsOnPage(html: string): string {
  const match = /data-testid="version-contributors"[^>]*>([^<]*)<\/dd>/.exec(html);
  if (!match) throw new Error('the page shows no contributors');
  return match[1]!.replace(/&amp;/g, '&');
}

async function page(path: string): Promise<string> {
  const answer = await http.call('GET', path, { origin: null });
  expect(answer.status, path).toBe(200);
  return answer.text;
}

async function exportOf(format: string, lang = ''): Promise<Buffer> {
  const response = await fetch(`${server.url}/p/${id}/v/${number}/export?format=${format}${lang}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  let admin: Client;
  ({ server, http, admin } = await startServerWithAdmin());
  const moderator = await http.signUp('Mona Moderator');
  await setRoleOverHttp(server, admin.session!, moderator.id!, 'moderator');
  staff = await http.signUp('Sara Stab');
  await setRoleOverHttp(server, admin.session!, staff.id!, 'staff');

  const created = await http.ok(
    http.call('POST', '/api/documents', { as: staff, body: { title: 'Fællesspisning', template: 'projektforslag' } }),
    'create',
  );
  id = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: staff, body: { visibility: 'public' } }), 'public');
  await writeParagraph(server, staff.session, id, ALONE);

  // Sara acts on behalf of an organisation she is a member of; her next connection writes for it.
  const organisation = await http.ok(
    http.call('POST', '/api/admin/organisations', { as: admin, body: { name: 'Havnens Venner', kind: 'association' } }),
    'organisation',
  );
  const organisationId = (organisation.body!.organisation as { id: string }).id;
  await http.ok(
    http.call('POST', `/api/admin/organisations/${organisationId}/members`, { as: admin, body: { email: staff.email } }),
    'member',
  );
  await http.ok(http.call('PUT', '/api/account/acting-for', { as: staff, body: { organisationId } }), 'acting for');
  await writeParagraph(server, staff.session, id, ON_BEHALF);

  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: staff, body: { state } }), state);
  const published = await http.ok(
    http.call('POST', `/api/documents/${id}/versions`, { as: moderator, body: { summary: 'Første udgave' } }),
    'publish',
  );
  number = (published.body!.version as { number: number }).number;
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

describe('a published version’s contributors', () => {
  let before: Record<string, Buffer> = {};

  it('are on its page, in its JSON and in every export', async () => {
    const shown = contributorsOnPage(await page(`/p/${id}/v/${number}`));
    expect(shown).toBe(DANISH);
    // The latest published version's page says the same.
    expect(contributorsOnPage(await page(`/p/${id}`))).toBe(shown);

    const json = await http.ok(http.call('GET', `/api/documents/${id}/versions/${number}`, {}), 'version');
    const contributors = (json.body!.version as { contributors: { kind: string; name: string; organisation: string | null }[] })
      .contributors;
    expect(contributors).toEqual(
      expect.arrayContaining([
        { kind: 'person', name: 'Sara Stab', organisation: 'Havnens Venner' },
        { kind: 'person', name: 'Sara Stab', organisation: null },
        { kind: 'template', name: 'Skabelon', organisation: null },
      ]),
    );
    // A reader sees names, never ids or e-mails.
    expect(JSON.stringify(contributors)).not.toMatch(/personId|@|p_/);

    before = {
      md: await exportOf('md'),
      html: await exportOf('html'),
      htmlEn: await exportOf('html', '&lang=en'),
      docx: await exportOf('docx'),
    };
    const md = before.md!.toString('utf8').replace(/\\([()])/g, '$1');
    expect(md).toContain(`\nBidragydere: ${DANISH}\n`);
    expect(before.html!.toString('utf8')).toContain(`<p class="meta contributors">Bidragydere: ${DANISH}</p>`);
    expect(before.htmlEn!.toString('utf8')).toContain(`<p class="meta contributors" lang="en">Contributors: ${ENGLISH}</p>`);
  });

  it('are still there after a restart with the document’s history gone from the data dir, the exports byte for byte', async () => {
    await server.halt();
    await rename(join(server.dataDir, 'docs', id), join(server.dataDir, `moved-away-${id}`));
    await server.resume();
    // The document's own history names nobody now: whatever names the version is what it stored.
    const history = await http.call('GET', `/api/documents/${id}/authorship`, { as: staff });
    expect(history.text).not.toContain('Sara Stab');

    expect(contributorsOnPage(await page(`/p/${id}/v/${number}`))).toBe(DANISH);
    const json = await http.ok(http.call('GET', `/api/documents/${id}/versions/${number}`, {}), 'version');
    expect((json.body!.version as { contributors: unknown[] }).contributors).toHaveLength(3);
    expect((await exportOf('md')).equals(before.md!)).toBe(true);
    expect((await exportOf('html')).equals(before.html!)).toBe(true);
    expect((await exportOf('html', '&lang=en')).equals(before.htmlEn!)).toBe(true);
    expect((await exportOf('docx')).equals(before.docx!)).toBe(true);
  });
});

/**
 * E-mail frequencies and unsubscribe links over HTTP against the production server, with SMTP_URL
 * set to a real SMTP server on 127.0.0.1: GET/PUT /api/account/notification-settings (defaults,
 * a choice kept, hostile bodies refused and nothing changed, signed out and cross-origin refused),
 * an access grant e-mailed at once with the RFC 8058 headers, the unsubscribe page (opening it
 * changes nothing), the one-click POST without a session or Origin, a forged token refused.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentsClient, PASSWORD, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { startSmtpServer, type SmtpSink } from './helpers/startSmtpServer';

let server: AppServer;
let smtp: SmtpSink;
let http: CommentsClient;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startAppServer({
    env: (url) => ({ SMTP_URL: smtp.url, SMTP_FROM: 'Samskriv <samskriv@kommune.example>', PUBLIC_URL: url }),
  });
  http = commentsClient(server);
  await http.ok(
    http.call('POST', '/api/setup', {
      body: { token: server.setupToken(), email: 'admin@eksempel.dk', name: 'Ada Admin', password: PASSWORD },
    }),
    'setup',
  );
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const SETTINGS = '/api/account/notification-settings';
const codeOf = (answer: Answer) => `${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''}`;
const settingsOf = async (who: Client) => (await http.ok(http.call('GET', SETTINGS, { as: who }), 'settings')).body!;

function headerOf(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((header) => header.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

/** A page of the app, as a mail client or browser opens it (no redirects followed). */
async function page(path: string, init: RequestInit = {}): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(new URL(path, server.url), { redirect: 'manual', ...init });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

describe('notification settings over HTTP', () => {
  it('answers the defaults, keeps a choice, and refuses hostile bodies without changing anything', async () => {
    const karen = await http.signUp('Karen Jensen');
    expect(await settingsOf(karen)).toEqual({
      frequency: 'immediate',
      kinds: { comment_new: 'daily', phase_changed: 'daily', published: 'daily', passage_changed: 'daily' },
      resolved: {
        comment_new: 'daily',
        reply: 'immediate',
        answered: 'immediate',
        moderated: 'immediate',
        phase_changed: 'daily',
        published: 'daily',
        access_granted: 'immediate',
        access_requested: 'immediate',
        mentioned: 'immediate',
        passage_changed: 'daily',
        invited: 'immediate',
      },
      availableKinds: expect.arrayContaining(['comment_new', 'reply', 'access_granted', 'mentioned', 'passage_changed', 'invited']),
      mailEnabled: true,
      digestHour: 7,
    });
    const chosen = await http.ok(
      http.call('PUT', SETTINGS, { as: karen, body: { frequency: 'weekly', kinds: { reply: 'immediate', published: 'never' } } }),
      'put',
    );
    expect(chosen.body).toMatchObject({ frequency: 'weekly', kinds: { reply: 'immediate', published: 'never' } });
    const kept = await settingsOf(karen);
    expect(kept).toMatchObject({ frequency: 'weekly', resolved: { reply: 'immediate', published: 'never', comment_new: 'weekly' } });

    const hostile: Array<[string, Parameters<CommentsClient['call']>[2]]> = [
      ['400 frequency_invalid', { body: { frequency: 'hourly' } }],
      ['400 frequency_invalid', { body: { frequency: 7 } }],
      ['400 frequency_invalid', { body: { frequency: 'daily', kinds: { reply: true } } }],
      ['400 notification_kind_unknown', { body: { frequency: 'daily', kinds: { no_such_kind: 'daily' } } }],
      ['400 notification_kind_unknown', { raw: '{"frequency":"daily","kinds":{"__proto__":"never"}}' }],
      ['400 notification_settings_invalid', { body: { frequency: 'daily', kinds: ['daily'] } }],
      ['400 notification_settings_invalid', { body: { frequency: 'daily', admin: true } }],
      ['400 notification_settings_invalid', { body: [] }],
      ['400 invalid_json', { raw: '{"frequency":' }],
      ['415 unsupported_media_type', { raw: 'frequency=never', contentType: 'application/x-www-form-urlencoded' }],
      ['413 body_too_large', { raw: JSON.stringify({ frequency: 'never', pad: 'x'.repeat(100_000) }) }],
    ];
    for (const [expected, options] of hostile) expect(codeOf(await http.call('PUT', SETTINGS, { as: karen, ...options }))).toBe(expected);
    expect(await settingsOf(karen)).toEqual(kept);
  });

  it('is refused signed out and cross-origin', async () => {
    const karen = await http.signUp('Karen Cross');
    expect(codeOf(await http.call('GET', SETTINGS))).toBe('401 unauthenticated');
    expect(codeOf(await http.call('PUT', SETTINGS, { body: { frequency: 'never' } }))).toBe('401 unauthenticated');
    expect(codeOf(await http.call('PUT', SETTINGS, { as: karen, body: { frequency: 'never' }, origin: 'https://evil.example' }))).toBe(
      '403 cross_origin',
    );
    expect(codeOf(await http.call('PUT', SETTINGS, { as: karen, body: { frequency: 'never' }, origin: null }))).toBe('403 cross_origin');
    expect((await settingsOf(karen)).frequency).toBe('immediate');
  });
});

describe('e-mail and the unsubscribe link', () => {
  it('an access grant is e-mailed at once; opening the link changes nothing; the one-click POST stops that kind; a forged token changes nothing', async () => {
    const owner = await http.signUp('Olga Ejer');
    const karen = await http.signUp('Karen Modtager');
    const carl = await http.signUp('Carl Kontrol');
    const create = async (title: string) =>
      (
        (await http.ok(http.call('POST', '/api/documents', { as: owner, body: { title, template: 'blank' } }), 'create')).body!
          .document as {
          id: string;
        }
      ).id;
    const grant = (id: string, email: string) =>
      http.ok(http.call('POST', `/api/documents/${id}/access`, { as: owner, body: { email, role: 'viewer' } }), 'grant');

    const first = await create('Lokalplan for Havnen');
    const before = smtp.messages.length;
    await grant(first, karen.email);
    const mail = await smtp.nth(before + 1);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(karen.email);
    expect(mail.subject).toBe('Samskriv: Olga Ejer gav dig adgang til “Lokalplan for Havnen” (Kan læse).');
    expect(mail.text).toContain(`${server.url}/d/${first}`);
    expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const oneClick = /^<(.+)>$/.exec(headerOf(mail, 'list-unsubscribe'))?.[1] ?? '';
    expect(oneClick.startsWith(`${server.url}/api/notifications/unsubscribe?token=`)).toBe(true);
    const link = /\S+\/abonnement\/afmeld\?token=\S+/.exec(mail.text ?? '')?.[0] ?? '';
    expect(link.startsWith(`${server.url}/abonnement/afmeld?token=`)).toBe(true);
    const token = new URL(link).searchParams.get('token')!;

    // Opening the page (as a mail scanner would) says what would stop and changes nothing; so does a GET of the one-click address.
    const opened = await page(link);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('Afmeld e-mails');
    expect(opened.html).toContain(karen.email);
    expect(opened.html).toContain('Når du får adgang til et dokument');
    const scanned = await page(oneClick);
    expect(scanned.status).toBe(303);
    expect(scanned.location).toBe(`/abonnement/afmeld?token=${encodeURIComponent(token)}`);
    expect((await settingsOf(karen)).resolved).toMatchObject({ access_granted: 'immediate' });

    // A forged or changed token: refused, nothing changed.
    const forged = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const refused = await page(`/api/notifications/unsubscribe?token=${encodeURIComponent(forged)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.html)).toMatchObject({ error: { code: 'unsubscribe_token_invalid' } });
    expect((await page(`/abonnement/afmeld?token=${encodeURIComponent(forged)}`)).html).toContain('Linket virker ikke');
    expect((await settingsOf(karen)).resolved).toMatchObject({ access_granted: 'immediate' });

    // The mail client's one-click POST: no session, no Origin, only the token.
    const stopped = await page(oneClick, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(stopped.status).toBe(200);
    expect(JSON.parse(stopped.html)).toEqual({ stopped: true, scope: 'access_granted' });
    expect((await settingsOf(karen)).resolved).toMatchObject({ access_granted: 'never', reply: 'immediate' });
    expect((await page(link)).html).toContain('Der bliver ikke længere sendt e-mails til');

    // Granted again: Karen is not e-mailed; Carl, granted after her, is (the sends are in order).
    const second = await create('Budget 2027');
    const count = smtp.messages.length;
    await grant(second, karen.email);
    await grant(second, carl.email);
    const next = await smtp.nth(count + 1);
    expect(next.to && !Array.isArray(next.to) ? next.to.text : '').toBe(carl.email);
    expect(smtp.messages.length).toBe(count + 1);
  });

  it("the page's button stops every e-mail (scope all) and the page then confirms", async () => {
    const owner = await http.signUp('Olga Anden');
    const karen = await http.signUp('Karen Alle');
    const id = (
      (await http.ok(http.call('POST', '/api/documents', { as: owner, body: { title: 'Skolen', template: 'blank' } }), 'create')).body!
        .document as { id: string }
    ).id;
    const before = smtp.messages.length;
    await http.ok(http.call('POST', `/api/documents/${id}/access`, { as: owner, body: { email: karen.email, role: 'viewer' } }), 'grant');
    const mail = await smtp.nth(before + 1);
    const all = /Stop alle e-mails om notifikationer: (\S+)/.exec(mail.text ?? '')?.[1] ?? '';
    const token = new URL(all).searchParams.get('token')!;
    expect((await page(all)).html).toContain('Du er ved at stoppe alle e-mails om notifikationer');
    const posted = await page(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: 'from=page',
    });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/abonnement/afmeld?token=${encodeURIComponent(token)}`);
    expect((await page(posted.location!)).html).toContain('Der bliver ikke længere sendt e-mails om notifikationer');
    expect(Object.values((await settingsOf(karen)).resolved as Record<string, string>).every((value) => value === 'never')).toBe(true);
    expect(
      codeOf(
        await http.call('POST', `/api/notifications/unsubscribe?token=x`, {
          raw: 'x'.repeat(5000),
          contentType: 'application/x-www-form-urlencoded',
        }),
      ),
    ).toBe('413 body_too_large');
  });
});

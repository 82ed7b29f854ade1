/**
 * Password reset by e-mail with SMTP_URL set, against a real SMTP server started here: an admin's
 * reset link is e-mailed (not shown), "Glemt adgangskode?" mails a link without saying whether the
 * e-mail has an account, is rate-limited per e-mail and per IP, links only to PUBLIC_URL, and a
 * mailed link works end to end.
 * Without SMTP_URL the page and route do not exist.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { startSmtpServer, type SmtpSink } from './helpers/startSmtpServer';

let server: AppServer;
let smtp: SmtpSink;
let admin = '';
const PASSWORD = 'en lang adgangskode';

async function send(path: string, body: unknown, session?: string): Promise<{ status: number; body: unknown; session?: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: server.url,
      ...(session === undefined ? {} : { Cookie: `samskriv_session=${session}` }),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('samskriv_session='));
  return {
    status: response.status,
    body: text === '' ? null : (JSON.parse(text) as unknown),
    ...(cookie && { session: cookie.slice('samskriv_session='.length).split(';')[0] }),
  };
}

async function signUp(email: string, name: string): Promise<string> {
  const sent = await send('/api/account/sign-up', { email, name, password: PASSWORD });
  expect(sent.status).toBe(201);
  return (sent.body as { person: { id: string } }).person.id;
}

function linkIn(mail: ParsedMail): string {
  const link = /https?:\/\/\S+\/konto\/nulstil\?token=[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`no reset link in:\n${mail.text}`);
  return link;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startAppServer({
    env: (url) => ({ SMTP_URL: smtp.url, SMTP_FROM: 'Samskriv <samskriv@kommune.example>', PUBLIC_URL: url }),
  });
  const created = await send('/api/setup', {
    token: server.setupToken(),
    email: 'admin@eksempel.dk',
    name: 'Ada Admin',
    password: PASSWORD,
  });
  expect(created.status).toBe(201);
  admin = created.session ?? '';
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

describe('with SMTP_URL set', () => {
  it("an admin's reset link is e-mailed to the person in Danish, and the answer says so without the link", async () => {
    const personId = await signUp('karen@eksempel.dk', 'Karen Jensen');
    const before = smtp.messages.length;
    const issued = await send(`/api/admin/people/${personId}/reset-link`, {}, admin);
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({ emailed: true, email: 'karen@eksempel.dk' });
    const mail = await smtp.nth(before + 1);
    expect(mail.subject).toBe('Nulstil din adgangskode til Samskriv');
    expect(mail.from?.text).toContain('samskriv@kommune.example');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('karen@eksempel.dk');
    expect(mail.text).toContain('Hej Karen Jensen');
    const link = linkIn(mail);
    expect(link.startsWith(`${server.url}/konto/nulstil?token=`)).toBe(true);
    expect(mail.html).toContain(`href="${link}"`);
    // Neither the link nor the SMTP password reaches the log.
    expect(server.output()).not.toContain(link.split('token=')[1]);
    expect(server.output()).not.toContain('hemmelig');
  });

  it('a link requested on "Glemt adgangskode?" resets the password, and the new one signs in', async () => {
    await signUp('ole@eksempel.dk', 'Ole Olsen');
    const before = smtp.messages.length;
    const asked = await send('/api/account/forgot', { email: ' Ole@Eksempel.dk ' });
    expect(asked.status).toBe(202);
    const mail = await smtp.nth(before + 1);
    const token = new URL(linkIn(mail)).searchParams.get('token');
    const page = await fetch(linkIn(mail));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Vælg en ny adgangskode');
    expect((await send('/api/account/reset', { token, newPassword: 'min nye adgangskode' })).status).toBe(204);
    expect((await send('/api/account/sign-in', { email: 'ole@eksempel.dk', password: PASSWORD })).status).toBe(401);
    const signedIn = await send('/api/account/sign-in', { email: 'ole@eksempel.dk', password: 'min nye adgangskode' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.session).toBeTruthy();
  });

  it('links to PUBLIC_URL even when a request names another host', async () => {
    const before = smtp.messages.length;
    const forged = await fetch(`${server.url}/api/account/forgot`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://ond.example', 'X-Forwarded-Host': 'ond.example' },
      body: JSON.stringify({ email: 'karen@eksempel.dk' }),
    });
    expect(forged.status).toBe(202);
    const link = linkIn(await smtp.nth(before + 1));
    expect(link.startsWith(`${server.url}/konto/nulstil?token=`)).toBe(true);
  });

  it('answers alike for an unknown e-mail, and sends nothing', async () => {
    await signUp('kendt@eksempel.dk', 'Kendt Person');
    const before = smtp.messages.length;
    const unknown = await send('/api/account/forgot', { email: 'ukendt@eksempel.dk' });
    const known = await send('/api/account/forgot', { email: 'kendt@eksempel.dk' });
    expect(unknown).toEqual({ status: 202, body: null });
    expect(known).toEqual({ status: 202, body: null });
    const mail = await smtp.nth(before + 1);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('kendt@eksempel.dk');
    expect(smtp.messages.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : ''))).not.toContain('ukendt@eksempel.dk');
  });

  it('sends at most three links an hour to one e-mail, answering alike', async () => {
    await signUp('mange@eksempel.dk', 'Mange Gange');
    const before = smtp.messages.length;
    for (let i = 0; i < 4; i += 1) expect((await send('/api/account/forgot', { email: 'mange@eksempel.dk' })).status).toBe(202);
    await smtp.nth(before + 3);
    // The fourth was dropped: a marker request to another account arrives next, not a fourth link.
    await send('/api/account/forgot', { email: 'kendt@eksempel.dk' });
    const next = await smtp.nth(before + 4);
    expect(next.to && !Array.isArray(next.to) ? next.to.text : '').toBe('kendt@eksempel.dk');
  });

  it('refuses more than ten requests from one IP in 15 minutes with 429', async () => {
    // Earlier tests in this file used 9 of the 10 from 127.0.0.1.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await send('/api/account/forgot', { email: `ip${i}@eksempel.dk` })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses).toEqual([202, 429, 429]);
  });

  it('links to "Glemt adgangskode?" from the sign-in page', async () => {
    expect(await (await fetch(`${server.url}/konto/log-ind`)).text()).toContain('href="/konto/glemt"');
    expect((await fetch(`${server.url}/konto/glemt`)).status).toBe(200);
  });
});

describe('without SMTP_URL', () => {
  it('has no "Glemt adgangskode?" page or route, and admins get the link to hand over', async () => {
    const plain = await startAppServer();
    try {
      expect((await fetch(`${plain.url}/konto/glemt`)).status).toBe(404);
      expect(await (await fetch(`${plain.url}/konto/log-ind`)).text()).not.toContain('/konto/glemt');
      const response = await fetch(`${plain.url}/api/account/forgot`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: plain.url },
        body: JSON.stringify({ email: 'a@eksempel.dk' }),
      });
      expect(response.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});

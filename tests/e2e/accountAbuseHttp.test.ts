/**
 * Abuse of the account routes over HTTP against the production server (issue 10, items 7 and 8),
 * with SMTP_URL set and a real SMTP server: sign-up answers a taken e-mail exactly like a new one
 * and signs nobody in (the owner is e-mailed instead), sign-up is limited per IP address, and
 * failed sign-ins from other addresses do not lock the owner out, while the (account, IP) and IP
 * locks still stop guessing. Requests come from chosen loopback addresses (127.0.x.y), as the
 * server throttles by the socket's address.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { startSmtpServer, type SmtpSink } from './helpers/startSmtpServer';

const PASSWORD = 'en lang adgangskode';
const SIGNUPS_PER_IP = 3;

let server: AppServer;
let smtp: SmtpSink;
let nextIp = 10;
/** A loopback address no earlier request in this file came from. */
const freshIp = () => `127.0.${nextIp >> 8}.${nextIp++ & 255}`;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: { error?: { code: string }; [key: string]: unknown } | null;
  readonly cookies: Record<string, string>;
}

function post(path: string, body: unknown, from: { ip: string; cookies?: Record<string, string> }): Promise<Answer> {
  const url = new URL(server.url);
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(payload)),
    Origin: server.url,
  };
  const jar = Object.entries(from.cookies ?? {});
  if (jar.length > 0) headers.Cookie = jar.map(([name, value]) => `${name}=${value}`).join('; ');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'POST', headers, localAddress: from.ip }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const cookies: Record<string, string> = {};
        for (const cookie of res.headers['set-cookie'] ?? []) {
          const [pair = ''] = cookie.split(';');
          const eq = pair.indexOf('=');
          cookies[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text === '' ? null : (JSON.parse(text) as Answer['body']),
          cookies,
        });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const signUp = (email: string, password = PASSWORD, ip = freshIp(), name = 'Karen Blixen') =>
  post('/api/account/sign-up', { email, name, password }, { ip });
const signIn = (email: string, password: string, ip: string, cookies?: Record<string, string>) =>
  post('/api/account/sign-in', { email, password }, { ip, cookies });

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startAppServer({
    env: (url) => ({ SMTP_URL: smtp.url, PUBLIC_URL: url, SIGNUPS_PER_IP_PER_HOUR: String(SIGNUPS_PER_IP) }),
  });
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

describe('sign-up with an e-mail that has an account', () => {
  it('answers exactly like a new sign-up, signs nobody in, and e-mails the owner instead', async () => {
    const fresh = await signUp('ny@eksempel.dk');
    expect(await signUp('ejer@eksempel.dk')).toMatchObject({ status: 201 });
    const before = smtp.messages.length;
    const taken = await signUp('EJER@eksempel.dk', 'en anden adgangskode');

    expect(taken.status).toBe(fresh.status);
    expect(fresh.status).toBe(201);
    const shape = { person: { id: expect.stringMatching(/^p_[0-9a-f-]{36}$/) as unknown, name: 'Karen Blixen' } };
    expect(fresh.body).toEqual(shape);
    expect(taken.body).toEqual(shape);
    expect(fresh.cookies.samskriv_session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(taken.cookies.samskriv_session).toBeUndefined();

    const mail = await smtp.nth(before + 1);
    expect(mail.subject).toBe('Nogen forsøgte at oprette en konto med din e-mail');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('ejer@eksempel.dk');
    expect(mail.text).toContain(`${server.url}/konto/log-ind`);

    // The account is the owner's still: their password works, the requester's does not.
    expect((await signIn('ejer@eksempel.dk', 'en anden adgangskode', freshIp())).status).toBe(401);
    expect((await signIn('ejer@eksempel.dk', PASSWORD, freshIp())).status).toBe(200);
  });

  it("signs the owner in when the password typed is the account's own", async () => {
    await signUp('glemsom@eksempel.dk');
    const again = await signUp('glemsom@eksempel.dk');
    expect(again.status).toBe(201);
    expect(again.cookies.samskriv_session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('sign-up per IP address', () => {
  it(`takes ${SIGNUPS_PER_IP} an hour from one address, taken e-mails included, then answers 429 with Retry-After`, async () => {
    const ip = freshIp();
    expect((await signUp('grænse1@eksempel.dk', PASSWORD, ip)).status).toBe(201);
    expect((await signUp('grænse1@eksempel.dk', PASSWORD, ip)).status).toBe(201);
    expect((await signUp('grænse2@eksempel.dk', PASSWORD, ip)).status).toBe(201);
    const refused = await signUp('grænse3@eksempel.dk', PASSWORD, ip);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.cookies.samskriv_session).toBeUndefined();
    expect((await signUp('grænse3@eksempel.dk', PASSWORD, freshIp())).status).toBe(201);
  });
});

describe('failed sign-ins from elsewhere do not lock the owner out', () => {
  it('five wrong passwords from five addresses do not refuse the right one from a sixth', async () => {
    await signUp('maal@eksempel.dk');
    for (let i = 0; i < 5; i++) expect((await signIn('maal@eksempel.dk', `forkert ${i}`, freshIp())).status).toBe(401);
    const owner = await signIn('maal@eksempel.dk', PASSWORD, freshIp());
    expect(owner.status).toBe(200);
    expect(owner.cookies.samskriv_session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('still locks guessing from one address, and an address guessing at many accounts', async () => {
    await signUp('gaet@eksempel.dk');
    const guesser = freshIp();
    for (let i = 0; i < 5; i++) expect((await signIn('gaet@eksempel.dk', `forkert ${i}`, guesser)).status).toBe(401);
    const locked = await signIn('gaet@eksempel.dk', PASSWORD, guesser);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: 'throttled' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    const sprayer = freshIp();
    for (let i = 0; i < 20; i++) expect((await signIn(`ingen${i}@eksempel.dk`, 'forkert', sprayer)).status).toBe(401);
    expect((await signIn('maal@eksempel.dk', PASSWORD, sprayer)).status).toBe(429);
  });

  it('a known device signs in even while guesses from many addresses hold the account as a whole', async () => {
    await signUp('kendt@eksempel.dk');
    const device = (await signIn('kendt@eksempel.dk', PASSWORD, freshIp())).cookies.samskriv_device;
    expect(device).toBeDefined();
    // 50 failures from 50 addresses: the account-wide lock (against guessing spread over a botnet).
    for (let i = 0; i < 50; i++) expect((await signIn('kendt@eksempel.dk', `forkert ${i}`, freshIp())).status).toBe(401);
    expect((await signIn('kendt@eksempel.dk', PASSWORD, freshIp())).status).toBe(429);
    // A forged cookie proves nothing, and one from another account's sign-in proves nothing for this one.
    expect((await signIn('kendt@eksempel.dk', PASSWORD, freshIp(), { samskriv_device: 'A'.repeat(38) })).status).toBe(429);
    await signUp('anden@eksempel.dk');
    const other = (await signIn('anden@eksempel.dk', PASSWORD, freshIp())).cookies.samskriv_device ?? '';
    expect((await signIn('kendt@eksempel.dk', PASSWORD, freshIp(), { samskriv_device: other })).status).toBe(429);
    const known = await signIn('kendt@eksempel.dk', PASSWORD, freshIp(), { samskriv_device: device ?? '' });
    expect(known.status).toBe(200);
    expect(known.cookies.samskriv_session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('sets the known-device cookie httpOnly and SameSite=Lax', async () => {
    await signUp('cookie@eksempel.dk');
    const url = new URL(server.url);
    const setCookie = await new Promise<string[]>((resolve, reject) => {
      const payload = JSON.stringify({ email: 'cookie@eksempel.dk', password: PASSWORD });
      const headers = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)), Origin: server.url };
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: '/api/account/sign-in', method: 'POST', headers, localAddress: freshIp() },
        (res) => {
          res.resume();
          resolve(res.headers['set-cookie'] ?? []);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    const device = setCookie.find((cookie) => cookie.startsWith('samskriv_device=')) ?? '';
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=lax/i);
  });
});

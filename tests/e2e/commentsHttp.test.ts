/**
 * The comments API over HTTP against the production server (no browser): who may do what in which
 * phase (draft, in review, consultation before, within and after its dates, final, archived) as which
 * audience (anonymous, guest, citizen, the document's commenter and editor, moderator) for every act;
 * consultation settings; size limits, rate limits and hostile bodies; moderation with its log and
 * public summary; guests; the høringsnotat in three formats; and the live `commentsChanged` (101)
 * notice reaching a plain ws client after a comment is posted.
 */
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Anchor } from '../../lib/comments/model';
import type * as Y from 'yjs';
import { BODY_FRAGMENT, MessageType } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { waitUntil } from '../helpers/waitUntil';
import { PASSWORD, startServerWithAdmin, writeBody, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let admin: Client;
/** A fresh loopback address per guest (and per rate-limit test): per-IP limits stay apart. */
let nextIp = 10;
const freshIp = () => `127.0.0.${nextIp++}`;

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const setRole = async (who: { id?: string }, role: string) =>
  http.ok(http.call('PATCH', `/api/admin/people/${who.id}`, { as: admin, body: { role } }), 'role');

interface Consultation {
  readonly id: string;
  readonly owner: Client;
  readonly anchor: (text: string) => Anchor;
  /** A comment and a suggestion by the owner, written while in draft. */
  readonly comment: string;
  readonly suggestion: string;
}

type Phase = 'draft' | 'in_review' | 'open' | 'before' | 'after' | 'final' | 'archived';
const WALK: Record<Phase, string[]> = {
  draft: [],
  in_review: ['in_review'],
  open: ['in_review', 'consultation'],
  before: ['in_review', 'consultation'],
  after: ['in_review', 'consultation'],
  final: ['in_review', 'final'],
  archived: ['in_review', 'final', 'archived'],
};

/** A public document with a body, grants, two seed threads and the consultation settings, walked to `phase`. */
async function consultation(
  phase: Phase,
  grants: { email: string; role: string }[] = [],
  settings: Record<string, unknown> = {},
): Promise<Consultation> {
  const owner = await http.signUp('Olga Ejer');
  const created = await http.ok(
    http.call('POST', '/api/documents', { as: owner, body: { title: 'Kulturhuset for alle', template: 'blank' } }),
    'create',
  );
  const id = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');
  for (const grant of grants) await http.ok(http.call('POST', `/api/documents/${id}/access`, { as: owner, body: grant }), 'grant');
  const anchor = await writeBody(server, owner.session!, id);
  const seed = await http.ok(
    http.call('POST', `/api/documents/${id}/comments`, {
      as: owner,
      body: { kind: 'comment', anchor: anchor('Kulturhuset'), text: 'Hvad med parkering?' },
    }),
    'seed comment',
  );
  const suggested = await http.ok(
    http.call('POST', `/api/documents/${id}/comments`, {
      as: owner,
      body: { kind: 'suggestion', anchor: anchor('hver uge'), text: '', replacement: 'hver anden uge' },
    }),
    'seed suggestion',
  );
  const dates =
    phase === 'before'
      ? { opensAt: new Date(Date.now() + 86_400_000).toISOString() }
      : phase === 'after'
        ? { opensAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), closesAt: new Date(Date.now() - 3_600_000).toISOString() }
        : {};
  await http.ok(
    http.call('PATCH', `/api/documents/${id}/consultation`, { as: owner, body: { guestsMayComment: true, ...dates, ...settings } }),
    'settings',
  );
  for (const state of WALK[phase]) {
    // Publishing takes an admin (or a moderator); the owner makes every other move.
    await http.ok(
      http.call('PATCH', `/api/documents/${id}/state`, { as: state === 'final' ? admin : owner, body: { state } }),
      `phase ${state}`,
    );
  }
  return {
    id,
    owner,
    anchor,
    comment: (seed.body!.comment as { id: string }).id,
    suggestion: (suggested.body!.comment as { id: string }).id,
  };
}

const codeOf = (answer: Answer) => `${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''}`;

describe('who may do what, in which phase', () => {
  const PHASES: Phase[] = ['draft', 'in_review', 'open', 'before', 'after', 'final', 'archived'];
  const ACTORS = ['anonymous', 'guest', 'citizen', 'commenter', 'editor', 'moderator'] as const;
  type ActorName = (typeof ACTORS)[number];
  const ACTS = ['create', 'reply', 'support', 'resolve', 'answer', 'decision', 'report', 'moderate'] as const;
  type Act = (typeof ACTS)[number];
  const frozen = (phase: Phase) => phase === 'final' || phase === 'archived';
  const stateCode = (phase: Phase) => `403 state_${phase}`;

  /** The expected status (and error code) of an act, written from the rules. */
  function expected(actor: ActorName, act: Act, phase: Phase): string {
    const created = act === 'create' || act === 'reply' || act === 'report' ? '201' : '200';
    if (actor === 'anonymous') return '401 unauthenticated';
    if (act === 'report') return '201';
    if (act === 'moderate') return actor === 'moderator' ? '200' : actor === 'guest' ? '401 unauthenticated' : '403 not_moderator';
    if (act === 'resolve' || act === 'answer' || act === 'decision') {
      if (actor === 'guest') return '401 unauthenticated';
      if (actor !== 'editor') return actor === 'commenter' ? '403 role_insufficient' : '403 no_grant';
      return frozen(phase) ? stateCode(phase) : '200';
    }
    // create, reply, support: can(comment).
    if (frozen(phase)) return stateCode(phase);
    if (actor === 'commenter' || actor === 'editor') return created;
    if (phase === 'open') return created;
    if (phase === 'before') return '403 consultation_not_open';
    if (phase === 'after') return '403 consultation_closed';
    return actor === 'guest' ? '401 unauthenticated' : '403 no_grant';
  }

  it.each(PHASES.map((phase) => [phase] as const))(
    '%s: every act by every audience is allowed or refused with its code',
    async (phase) => {
      const people = {
        citizen: await http.signUp('Karen Borger'),
        commenter: await http.signUp('Carl Kommentator'),
        editor: await http.signUp('Erik Redaktør'),
        moderator: await http.signUp('Mona Moderator'),
      };
      await setRole(people.moderator, 'moderator');
      const doc = await consultation(phase, [
        { email: people.commenter.email, role: 'commenter' },
        { email: people.editor.email, role: 'editor' },
      ]);
      const actors: Record<ActorName, Client> = {
        anonymous: { ip: freshIp() },
        guest: await http.joinAsGuest('Gitte Gæst', freshIp()),
        ...people,
      };
      const base = `/api/documents/${doc.id}/comments`;
      const wrong: string[] = [];
      for (const name of ACTORS) {
        const as = actors[name];
        const acts: Record<Act, () => Promise<Answer>> = {
          create: () => http.call('POST', base, { as, body: { kind: 'comment', anchor: doc.anchor('børn'), text: `Fra ${name}` } }),
          reply: () => http.call('POST', `${base}/${doc.comment}/replies`, { as, body: { text: `Svar fra ${name}` } }),
          support: () => http.call('PUT', `${base}/${doc.comment}/support`, { as, body: { supported: true } }),
          resolve: () => http.call('PUT', `${base}/${doc.comment}/resolution`, { as, body: { resolved: true } }),
          answer: () => http.call('PUT', `${base}/${doc.comment}/answer`, { as, body: { status: 'partly', text: 'Vi ser på det.' } }),
          decision: () =>
            http.call('PUT', `${base}/${doc.suggestion}/decision`, { as, body: { decision: 'declined', reason: 'For sjældent' } }),
          report: () => http.call('POST', `${base}/${doc.comment}/reports`, { as, body: { ground: 'other', note: `Fra ${name}` } }),
          moderate: () => http.call('POST', `/api/moderation/comments/${doc.comment}`, { as, body: { action: 'keep', reason: 'Sagligt' } }),
        };
        for (const act of ACTS) {
          const got = codeOf(await acts[act]());
          const want = expected(name, act, phase);
          if (got !== want) wrong.push(`${name} ${act}: expected ${want}, got ${got}`);
        }
      }
      expect(wrong).toEqual([]);
      // What was allowed is there for everyone to read (the anonymous reader of a public document included).
      const listed = await http.call('GET', base, { as: { ip: freshIp() } });
      expect(listed.status).toBe(200);
      const texts = (listed.body!.comments as { text: string }[]).map((c) => c.text);
      if (phase === 'open') expect(texts).toEqual(expect.arrayContaining(['Fra guest', 'Fra citizen', 'Fra moderator', 'Svar fra guest']));
      if (frozen(phase)) expect(texts.some((t) => t.startsWith('Fra '))).toBe(false);
    },
    120_000,
  );

  it('hides a private document’s comments from those who cannot read it: 404 for people, 401 for guests and anonymous visitors', async () => {
    const doc = await consultation('open');
    await http.ok(http.call('PUT', `/api/documents/${doc.id}/visibility`, { as: doc.owner, body: { visibility: 'private' } }), 'private');
    const stranger = await http.signUp('Fremmed');
    const guest = await http.joinAsGuest('Gæst', freshIp());
    const path = `/api/documents/${doc.id}/comments`;
    expect(codeOf(await http.call('GET', path, { as: stranger }))).toBe('404 not_found');
    expect(codeOf(await http.call('GET', path, { as: guest }))).toBe('401 unauthenticated');
    expect(codeOf(await http.call('GET', path))).toBe('401 unauthenticated');
    expect(codeOf(await http.call('GET', '/api/documents/findes-ikke/comments', { as: stranger }))).toBe('404 not_found');
    expect(codeOf(await http.call('GET', `/api/documents/${doc.id}/report`, { as: stranger }))).toBe('404 not_found');
    expect(codeOf(await http.call('GET', `/api/documents/${doc.id}/moderation-summary`))).toBe('401 unauthenticated');
  });

  it('takes organisations only when the consultation says so', async () => {
    const member = await http.signUp('Rikke Repræsentant');
    const created = await http.ok(
      http.call('POST', '/api/admin/organisations', { as: admin, body: { name: 'Grønne Hjerter', kind: 'association' } }),
      'org',
    );
    const organisationId = (created.body!.organisation as { id: string }).id;
    await http.ok(
      http.call('POST', `/api/admin/organisations/${organisationId}/members`, { as: admin, body: { email: member.email } }),
      'member',
    );
    const doc = await consultation('open', [], { citizensMayComment: false });
    const citizen = await http.signUp('Karen Borger');
    const body = { kind: 'comment', anchor: doc.anchor('Kulturhuset'), text: 'Vi er for.' };
    expect(codeOf(await http.call('POST', `/api/documents/${doc.id}/comments`, { as: citizen, body }))).toBe('403 organisations_only');
    // Fresh sign-in: the membership came after the session began.
    const signedIn = await http.call('POST', '/api/account/sign-in', { body: { email: member.email, password: PASSWORD } });
    const rikke = { session: http.cookieValue(signedIn, 'samskriv_session')! };
    await http.ok(http.call('PUT', '/api/account/acting-for', { as: rikke, body: { organisationId } }), 'acting for');
    const posted = await http.call('POST', `/api/documents/${doc.id}/comments`, { as: rikke, body });
    expect(posted.status).toBe(201);
    expect((posted.body!.comment as { author: unknown }).author).toEqual({
      kind: 'person',
      name: 'Rikke Repræsentant',
      organisation: { id: organisationId, name: 'Grønne Hjerter' },
    });
  });
});

describe('consultation settings', () => {
  it('are changed by whoever may change the phase, with dates checked, and shown in the comments answer', async () => {
    const doc = await consultation('open');
    const path = `/api/documents/${doc.id}/consultation`;
    const citizen = await http.signUp('Karen Borger');
    expect(codeOf(await http.call('PATCH', path, { as: citizen, body: { guestsMayComment: false } }))).toBe('403 forbidden');
    expect(codeOf(await http.call('PATCH', path, { body: { guestsMayComment: false } }))).toBe('401 unauthenticated');
    expect(
      codeOf(await http.call('PATCH', path, { as: doc.owner, body: { guestsMayComment: false }, origin: 'https://ondsindet.example' })),
    ).toBe('403 cross_origin');
    const bad: [unknown, string][] = [
      [{ opensAt: '1. marts' }, '400 opens_at_invalid'],
      [{ closesAt: '2027-03-01' }, '400 closes_at_invalid'],
      [{ guestsMayComment: 'ja' }, '400 consultation_flag_invalid'],
      [{ opensAt: '2027-03-10T00:00:00Z', closesAt: '2027-03-01T00:00:00Z' }, '400 closes_before_opens'],
    ];
    for (const [body, code] of bad)
      expect(codeOf(await http.call('PATCH', path, { as: doc.owner, body })), JSON.stringify(body)).toBe(code);
    const changed = await http.call('PATCH', path, {
      as: doc.owner,
      body: { opensAt: '2027-03-01T09:00:00+01:00', closesAt: null, citizensMayComment: false, guestsMayComment: false },
    });
    expect(changed.status).toBe(200);
    const expectedView = {
      state: 'consultation',
      opensAt: '2027-03-01T08:00:00.000Z',
      closesAt: null,
      openNow: Date.now() >= Date.parse('2027-03-01T08:00:00.000Z'),
      citizensMayComment: false,
      organisationsMayComment: true,
      guestsMayComment: false,
    };
    expect(changed.body).toEqual({ consultation: expectedView });
    expect((await http.call('GET', `/api/documents/${doc.id}/comments`)).body!.consultation).toEqual(expectedView);
    // Left-out fields keep their value; a closing before the kept opening is refused.
    expect(codeOf(await http.call('PATCH', path, { as: doc.owner, body: { closesAt: '2027-02-01T00:00:00Z' } }))).toBe(
      '400 closes_before_opens',
    );
  });
});

describe('hostile and oversized bodies', () => {
  let doc: Consultation;
  let writer: Client;
  beforeAll(async () => {
    doc = await consultation('open');
    writer = await http.signUp('Karen Borger');
  }, 60_000);
  const post = (body: unknown, extra: { contentType?: string | null; raw?: string | Buffer; origin?: string | null } = {}) =>
    http.call('POST', `/api/documents/${doc.id}/comments`, { as: writer, body, ...extra });

  it('stores script tags as inert text and returns them verbatim as JSON text', async () => {
    const text = '<script>alert("xss")</script><img src=x onerror=alert(1)> & </textarea>';
    const posted = await post({ kind: 'comment', anchor: doc.anchor('Kulturhuset'), text });
    expect(posted.status).toBe(201);
    expect(posted.headers['content-type']).toMatch(/^application\/json/);
    const listed = await http.call('GET', `/api/documents/${doc.id}/comments`);
    expect((listed.body!.comments as { text: string }[]).map((c) => c.text)).toContain(text);
    expect(listed.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses text that is too long, huge bodies, control characters and direction overrides with clear codes', async () => {
    const anchor = doc.anchor('Kulturhuset');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'x'.repeat(5001) }))).toBe('400 text_too_long');
    expect(codeOf(await post({ kind: 'suggestion', anchor, text: '', replacement: 'y'.repeat(5001) }))).toBe('400 replacement_too_long');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'z'.repeat(200_000) }))).toBe('413 body_too_large');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'før\u0000efter' }))).toBe('400 text_invalid_characters');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'farve \u001b[31mrød' }))).toBe('400 text_invalid_characters');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'pris: 100\u202e001 kr' }))).toBe('400 text_bidi_controls');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'skjult\u2066tekst\u2069' }))).toBe('400 text_bidi_controls');
    expect(codeOf(await post({ kind: 'comment', anchor, text: '   ' }))).toBe('400 text_required');
    const refused = await post({ kind: 'comment', anchor, text: 'x'.repeat(5001) });
    expect(refused.body!.error!.message).toBe('Kommentaren må højst være 5.000 tegn.');
  });

  it('refuses malformed anchors, unknown kinds, missing fields, wrong content types, non-JSON and other origins', async () => {
    const anchor = doc.anchor('Kulturhuset');
    for (const bad of [
      null,
      42,
      'Kulturhuset',
      {},
      { ...anchor, quote: { prefix: '', exact: '', suffix: '' } },
      { ...anchor, start: { item: { client: -1, clock: 0 } } },
    ])
      expect(codeOf(await post({ kind: 'comment', anchor: bad, text: 'Hej' })), JSON.stringify(bad)).toBe('400 anchor_invalid');
    expect(codeOf(await post({ kind: 'comment', text: 'Hej' }))).toBe('400 anchor_invalid');
    expect(codeOf(await post({ kind: 'tale', anchor, text: 'Hej' }))).toBe('400 kind_invalid');
    expect(codeOf(await post({ kind: 'comment', anchor }))).toBe('400 text_required');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'Hej' }, { contentType: 'text/plain' }))).toBe('415 unsupported_media_type');
    expect(codeOf(await post(undefined, { raw: 'kind=comment&text=Hej', contentType: 'application/x-www-form-urlencoded' }))).toBe(
      '415 unsupported_media_type',
    );
    expect(codeOf(await post(undefined, { raw: '{"kind": "comment", "text": ' }))).toBe('400 invalid_json');
    expect(codeOf(await post(undefined, { raw: '[1, 2, 3]' }))).toBe('400 invalid_input');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'Hej' }, { origin: 'https://ondsindet.example' }))).toBe('403 cross_origin');
    expect(codeOf(await post({ kind: 'comment', anchor, text: 'Hej' }, { origin: null }))).toBe('403 cross_origin');
  });

  it('refuses a passage that is no longer in the document (passage_gone)', async () => {
    // The owner deletes the passage over the sync endpoint; the anchor made before then no longer finds it.
    const stale = doc.anchor('også børn');
    const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
    const cookie = `samskriv_session=${doc.owner.session}`;
    const owner = connectProvider(syncUrl, doc.id, { cookie });
    await owner.synced();
    const body = owner.doc.getXmlFragment(BODY_FRAGMENT);
    const text = (body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(0, text.length);
    const check = connectProvider(syncUrl, doc.id, { cookie });
    await check.synced();
    await waitUntil(() => !check.doc.getXmlFragment(BODY_FRAGMENT).toString().includes('børn'), 'the deletion on the server');
    expect(codeOf(await post({ kind: 'comment', anchor: stale, text: 'For sent' }))).toBe('409 passage_gone');
    owner.destroy();
    check.destroy();
  });
});

describe('rate limits', () => {
  it('refuses a person’s 21st write in a minute with 429 and Retry-After', async () => {
    const doc = await consultation('open');
    const karen = await http.signUp('Karen Borger');
    const anchor = doc.anchor('Kulturhuset');
    for (let i = 1; i <= 20; i++)
      await http.ok(
        http.call('POST', `/api/documents/${doc.id}/comments`, { as: karen, body: { kind: 'comment', anchor, text: `Nr. ${i}` } }),
        `nr ${i}`,
      );
    const refused = await http.call('POST', `/api/documents/${doc.id}/comments`, {
      as: karen,
      body: { kind: 'comment', anchor, text: 'Nr. 21' },
    });
    expect(codeOf(refused)).toBe('429 rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A repeat of something already written is no new write: the outbox's retry still succeeds.
    await http.ok(
      http.call('POST', `/api/documents/${doc.id}/comments`, {
        as: await http.signUp('Bo'),
        body: { kind: 'comment', anchor, text: 'Andre må stadig' },
      }),
      'someone else',
    );
  });

  it('counts guests’ writes per IP address: ten a minute for all guests behind one address', async () => {
    const doc = await consultation('open');
    const ip = freshIp();
    const anchor = doc.anchor('Kulturhuset');
    const first = await http.joinAsGuest('Første Gæst', ip);
    const second = await http.joinAsGuest('Anden Gæst', ip);
    for (let i = 1; i <= 10; i++)
      await http.ok(
        http.call('POST', `/api/documents/${doc.id}/comments`, {
          as: i % 2 ? first : second,
          body: { kind: 'comment', anchor, text: `Gæst ${i}` },
        }),
        `guest ${i}`,
      );
    const refused = await http.call('POST', `/api/documents/${doc.id}/comments`, {
      as: second,
      body: { kind: 'comment', anchor, text: 'Én til' },
    });
    expect(codeOf(refused)).toBe('429 rate_limited');
    expect(refused.headers['retry-after']).toBeDefined();
    const elsewhere = await http.joinAsGuest('Gæst et andet sted', freshIp());
    expect(
      (await http.call('POST', `/api/documents/${doc.id}/comments`, { as: elsewhere, body: { kind: 'comment', anchor, text: 'Hej' } }))
        .status,
    ).toBe(201);
  });
});

describe('guests', () => {
  it('get a signed httpOnly cookie for a valid display name; forged cookies count for nothing; leaving clears it', async () => {
    const ip = freshIp();
    const joined = await http.call('POST', '/api/guest', { as: { ip }, body: { displayName: '  Gitte   Gæst ' } });
    expect(joined.status).toBe(201);
    expect(joined.body).toEqual({ guest: { name: 'Gitte Gæst' } });
    const cookie = ([] as string[]).concat(joined.headers['set-cookie'] ?? []).find((c) => c.startsWith('samskriv_guest='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    const guest = { guest: http.cookieValue(joined, 'samskriv_guest')!, ip };
    expect((await http.call('GET', '/api/guest', { as: guest })).body).toEqual({ guest: { name: 'Gitte Gæst' } });
    const forged = `${guest.guest.slice(0, -4)}AAAA`;
    expect((await http.call('GET', '/api/guest', { as: { guest: forged, ip } })).body).toEqual({ guest: null });
    const left = await http.call('DELETE', '/api/guest', { as: guest });
    expect(left.body).toEqual({ guest: null });
    expect(([] as string[]).concat(left.headers['set-cookie'] ?? []).some((c) => /^samskriv_guest=;.*Max-Age=0/i.test(c))).toBe(true);
  });

  it('refuses names that are empty, too long, or hold control or direction characters, and other origins', async () => {
    const ip = freshIp();
    const join = (displayName: unknown, origin?: string | null) =>
      http.call('POST', '/api/guest', { as: { ip }, body: { displayName }, origin });
    expect(codeOf(await join(''))).toBe('400 name_required');
    expect(codeOf(await join('x'.repeat(61)))).toBe('400 name_too_long');
    expect(codeOf(await join('Anna\u202eneshaH'))).toBe('400 name_invalid');
    expect(codeOf(await join('Anna\nHansen'))).toBe('400 name_invalid');
    expect(codeOf(await join(42))).toBe('400 name_required');
    expect(codeOf(await join('Anna', 'https://ondsindet.example'))).toBe('403 cross_origin');
  });

  it('are limited to 20 new guest identities per IP address an hour', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) await http.joinAsGuest(`Gæst ${i}`, ip);
    const refused = await http.call('POST', '/api/guest', { as: { ip }, body: { displayName: 'Én for meget' } });
    expect(codeOf(refused)).toBe('429 rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
  });
});

describe('moderation', () => {
  it('hides a reported comment: a placeholder for readers, replies stay, the log says who and why, the summary counts it', async () => {
    const doc = await consultation('open');
    const moderator = await http.signUp('Mona Moderator');
    await setRole(moderator, 'moderator');
    const karen = await http.signUp('Karen Borger');
    const bo = await http.signUp('Bo Borger');
    const base = `/api/documents/${doc.id}/comments`;
    const rude = await http.ok(
      http.call('POST', base, { as: karen, body: { kind: 'comment', anchor: doc.anchor('børn'), text: 'Grimme ord om Bo' } }),
      'rude',
    );
    const rudeId = (rude.body!.comment as { id: string }).id;
    await http.ok(http.call('POST', `${base}/${rudeId}/replies`, { as: bo, body: { text: 'Det var ikke pænt sagt.' } }), 'reply');
    await http.ok(
      http.call('POST', `${base}/${rudeId}/reports`, { as: bo, body: { ground: 'offensive', note: 'Personangreb' } }),
      'report',
    );
    expect(codeOf(await http.call('POST', `${base}/${rudeId}/reports`, { as: bo, body: { ground: 'spam' } }))).toBe('409 report_exists');

    const queue = await http.call('GET', '/api/moderation/queue', { as: moderator });
    expect(queue.status).toBe(200);
    const item = (queue.body!.items as { document: { id: string }; comment: { id: string; reports: unknown[] } }[]).find(
      (i) => i.comment.id === rudeId,
    )!;
    expect(item.document.id).toBe(doc.id);
    expect(item.comment.reports).toEqual([{ ground: 'offensive', note: 'Personangreb', at: expect.any(String) }]);
    expect(queue.text).not.toContain(bo.id);
    expect(codeOf(await http.call('GET', '/api/moderation/queue', { as: karen }))).toBe('403 not_moderator');
    expect(codeOf(await http.call('GET', '/api/moderation/queue'))).toBe('401 unauthenticated');

    const moderate = (body: unknown, as: Client = moderator, origin?: string) =>
      http.call('POST', `/api/moderation/comments/${rudeId}`, { as, body, origin });
    expect(codeOf(await moderate({ action: 'hide', reason: 'Grov' }))).toBe('400 ground_required');
    expect(codeOf(await moderate({ action: 'delete', reason: 'Grov' }))).toBe('400 action_invalid');
    expect(codeOf(await moderate({ action: 'hide', ground: 'offensive', reason: 'Grov' }, karen))).toBe('403 not_moderator');
    expect(codeOf(await moderate({ action: 'hide', ground: 'offensive', reason: 'Grov' }, moderator, 'https://ondsindet.example'))).toBe(
      '403 cross_origin',
    );
    const hidden = await moderate({ action: 'hide', ground: 'offensive', reason: 'Personangreb på en navngiven borger' });
    expect(hidden.status).toBe(200);
    expect(hidden.body!.comment).toMatchObject({ state: 'hidden', hiddenGround: 'offensive', text: 'Grimme ord om Bo' });

    const forReader = await http.call('GET', base, { as: { ip: freshIp() } });
    const comments = forReader.body!.comments as { id: string; parentId: string | null; state: string; text: string; author: unknown }[];
    expect(comments.find((c) => c.id === rudeId)).toMatchObject({ state: 'hidden', text: '', author: null, hiddenGround: 'offensive' });
    expect(comments.find((c) => c.parentId === rudeId)).toMatchObject({ state: 'visible', text: 'Det var ikke pænt sagt.' });
    expect(forReader.text).not.toContain('Grimme ord');

    const log = await http.call('GET', `/api/moderation/log?documentId=${doc.id}`, { as: moderator });
    expect(log.body!.entries).toEqual([
      expect.objectContaining({
        documentId: doc.id,
        commentId: rudeId,
        action: 'hide',
        ground: 'offensive',
        reason: 'Personangreb på en navngiven borger',
        by: { id: moderator.id, name: 'Mona Moderator' },
      }),
    ]);
    expect(codeOf(await http.call('GET', '/api/moderation/log?limit=0', { as: moderator }))).toBe('400 limit_range');
    expect(codeOf(await http.call('GET', '/api/moderation/log', { as: karen }))).toBe('403 not_moderator');

    const summary = await http.call('GET', `/api/documents/${doc.id}/moderation-summary`);
    expect(summary.body).toEqual({
      documentId: doc.id,
      hidden: 1,
      hiddenByGround: { offensive: 1, personal_data: 0, spam: 0, off_topic: 0, other: 0 },
      reviewedAndKept: 0,
    });
    const restored = await moderate({ action: 'restore', reason: 'Klage godtaget' }, admin);
    expect(restored.body!.comment).toMatchObject({ state: 'visible', text: 'Grimme ord om Bo' });
  });
});

describe('the høringsnotat', () => {
  it('comes as an escaped standalone HTML page, Markdown and CSV with a BOM, to anyone who can read the document', async () => {
    const doc = await consultation('open');
    const karen = await http.signUp('Karen Borger');
    await http.ok(
      http.call('POST', `/api/documents/${doc.id}/comments`, {
        as: karen,
        body: { kind: 'comment', anchor: doc.anchor('børn'), text: '<script>alert(1)</script> =SUM(A1)' },
      }),
      'comment',
    );
    const reader = { ip: freshIp() };
    const html = await http.call('GET', `/api/documents/${doc.id}/report`, { as: reader });
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBeUndefined();
    expect(html.text).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).not.toContain('<script>');
    // Like every API answer: the page loads and runs nothing.
    expect(String(html.headers['content-security-policy'])).toMatch(/^default-src 'none'/);

    const md = await http.call('GET', `/api/documents/${doc.id}/report?format=md`, { as: reader });
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe(`attachment; filename="hoeringsnotat-${doc.id}.md"`);
    // Escaped as text: every '<' of the comment is '\<', so no tag reaches a Markdown renderer.
    expect(md.text).toContain('\\<script>alert(1)\\</script>');
    expect(md.text).not.toMatch(/(^|[^\\])<\/?script/m);

    const csv = await http.call('GET', `/api/documents/${doc.id}/report?format=csv`, { as: reader });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain(',"<script>alert(1)</script> =SUM(A1)",');
    expect(csv.text).toContain('Hvad med parkering?');

    // PDF and DOCX are formats now (versionExportsHttp.test.ts); a format nobody offers is refused.
    expect(codeOf(await http.call('GET', `/api/documents/${doc.id}/report?format=odt`, { as: reader }))).toBe('400 format_invalid');
  });
});

describe('live: commentsChanged', () => {
  it('reaches a plain ws client of the document that opted in with ?ack=1, after a comment is posted over HTTP', async () => {
    const doc = await consultation('open');
    const karen = await http.signUp('Karen Borger');
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${doc.id}?ack=1`;
    const socket = new WebSocket(url, { headers: { cookie: `samskriv_session=${karen.session}`, origin: server.url } });
    const revisions: number[] = [];
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === MessageType.commentsChanged) revisions.push(decoding.readVarUint(decoder));
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const before = (await http.call('GET', `/api/documents/${doc.id}/comments`)).body!.revision as number;
    const posted = await http.call('POST', `/api/documents/${doc.id}/comments`, {
      as: karen,
      body: { kind: 'comment', anchor: doc.anchor('Kulturhuset'), text: 'Live!' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body!.revision).toBe(before + 1);
    await waitUntil(() => revisions.includes(before + 1), 'the commentsChanged notice');
    expect(revisions).toEqual([before + 1]);
    socket.close();
  });
});

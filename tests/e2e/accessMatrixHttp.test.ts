/**
 * The access matrix over HTTP, against the production server: every profile of the unit matrix ×
 * every action × every visibility × every state, each cell asserted through the action's own HTTP
 * surface, allowed and refused alike. The expected outcome comes from the SAME hand-written table
 * as the unit matrix (tests/helpers/accessMatrix.ts).
 *
 * Surfaces (the visible table of what stands for each action):
 * | action        | HTTP surface                                                                    |
 * |---------------|---------------------------------------------------------------------------------|
 * | view          | GET /d/[id] (200; 404, or a redirect to sign in without a session) and          |
 * |               | GET /api/documents/[id]/sync-token (200; 404, or 401 without a session)         |
 * | comment       | POST /api/documents/[id]/comments, a real comment on the body's heading (201),  |
 * |               | and for people the sync token's granted access: `comment` or `edit`             |
 * | edit          | PATCH /api/documents/[id] (rename), and the sync token's access is `edit`       |
 * | manage_access | GET and POST /api/documents/[id]/access                                         |
 * | change_phase  | PATCH /api/documents/[id]/state to a phase other than final (archived: 409)     |
 * | publish       | PATCH /api/documents/[id]/state to final                                        |
 * | moderate      | POST /api/moderation/comments/[cid] `keep` on the document's seed comment (200) |
 * | administer    | GET /api/admin/people                                                           |
 * A refusal is 401 without a live session (anonymous, disabled), 404 where the person may not even
 * view the document (its existence stays hidden), 403 otherwise. A guest (the `samskriv_guest`
 * cookie from POST /api/guest) has no session: 401 everywhere, except that a comment on a document
 * they can read is refused with 403 and can()'s reason where only the phase or the audience stands
 * in the way (in draft and review, can() asks them to sign in: 401).
 *
 * A disabled person's session cookie no longer identifies anyone: over HTTP they are a signed-out
 * visitor, so their cells expect the table's anonymous row (public documents stay readable, as for
 * everyone); a test checks that the table's disabled row grants nothing the anonymous row does not.
 *
 * Consultations: the 15 documents take comments from everyone, guests too, with no dates (the
 * table's `everyone` case, as can() judges it: open now). Fifteen more documents, in consultation,
 * one per visibility × each other case (`signed_in`, `organisations`, `commenters_only`,
 * `not_yet_open` with the opening tomorrow, `closed` with the closing a minute ago), assert the
 * `comment` cells of those cases. There the comment carries a malformed anchor: can() is asked
 * first, so an allowed cell answers 400 `anchor_invalid` and stores nothing (the per-person limit of
 * 20 comments a minute would otherwise be reached by the table's commenters).
 *
 * Setup: people, roles, organisations and workspaces over the admin routes, documents over
 * POST /api/documents, phases over the new PATCH …/state as the admin. Visibility and grants have no
 * HTTP surface that can express the table's (grants to organisations; an owner grant for the disabled
 * admin; public visibility outside the platform API): they are written into the stopped server's
 * metadata (its record store) exactly as the unit matrix's `documentFor` holds them, with the real ids.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileMetadataStore } from '../../server/storage/FileMetadataStore';
import type { Action, DocumentState, Grant, PersonActor } from '../../lib/access/model';
import { nextStates } from '../../lib/documents/phases';
import type { Anchor } from '../../lib/comments/model';
import {
  PROFILES,
  WORKSPACE_ID,
  WRITTEN_FOR_ACTIONS,
  WRITTEN_FOR_VISIBILITIES,
  cellFor,
  documentFor,
  profileNamed,
  visibilityStateCells,
  type Cell,
  type ConsultationCase,
  type Profile,
} from '../helpers/accessMatrix';
import { anchorFromRange } from '../../lib/comments/anchors/anchorFromRange';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import * as Y from 'yjs';
import { startAppServer, type AppServer } from './helpers/startAppServer';

const PASSWORD = 'en lang adgangskode';
/** The unit matrix's grants name this person as another owner; here, the author of every document. */
const AUTHOR = 'p_someone_else';
/** The consultation settings of the 15 visibility × state documents (the table's `everyone` case, without dates). */
const EVERYONE = { opensAt: null, closesAt: null, citizensMayComment: true, organisationsMayComment: true, guestsMayComment: true };
/** The other consultation cases, as the admin sets them over PATCH …/consultation (dates relative to now). */
const CASE_SETTINGS: Readonly<Record<Exclude<ConsultationCase, 'everyone'>, () => Record<string, unknown>>> = {
  signed_in: () => ({ ...EVERYONE, guestsMayComment: false }),
  organisations: () => ({ ...EVERYONE, citizensMayComment: false, guestsMayComment: false }),
  commenters_only: () => ({ ...EVERYONE, citizensMayComment: false, organisationsMayComment: false, guestsMayComment: false }),
  not_yet_open: () => ({ ...EVERYONE, opensAt: new Date(Date.now() + 86_400_000).toISOString() }),
  closed: () => ({ ...EVERYONE, closesAt: new Date(Date.now() - 60_000).toISOString() }),
};
const CASE_CELLS: readonly Cell[] = WRITTEN_FOR_VISIBILITIES.flatMap((visibility) =>
  (Object.keys(CASE_SETTINGS) as ConsultationCase[]).map((consultation) => cellFor(visibility, 'consultation', consultation)),
);
const HTTP_CELLS: readonly Cell[] = visibilityStateCells('everyone');

type Outcome = { readonly allowed: boolean; readonly status: number | string };

interface Sent {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly session?: string;
  readonly guest?: string;
  readonly location?: string | null;
}

let server: AppServer;
/** Unit matrix ids (people, organisations, workspaces) → the server's ids. */
const realIds = new Map<string, string>();
const sessions = new Map<string, string>();
/** The guest's cookie value (the `guest` profile). */
let guestCookie = '';
const documents = new Map<string, string>();
/** Per document: an anchor on its heading, and the comment its author wrote while it was a draft. */
const anchors = new Map<string, Anchor>();
const seedComments = new Map<string, string>();
/** Fresh documents for allowed moves that cannot be undone (into final, into archived). */
const twins = new Map<string, string>();
let adminSession = '';

/** `session`: a session id, or `guest:<cookie>` for the guest's cookie. */
async function send(method: string, path: string, body?: unknown, session?: string): Promise<Sent> {
  const cookie = !session ? null : session.startsWith('guest:') ? `samskriv_guest=${session.slice(6)}` : `samskriv_session=${session}`;
  const response = await fetch(`${server.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      Origin: server.url,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const set = response.headers.getSetCookie();
  const sessionCookie = set.find((value) => value.startsWith('samskriv_session='));
  const guest = set.find((value) => value.startsWith('samskriv_guest='));
  const text = await response.text();
  return {
    status: response.status,
    body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
    location: response.headers.get('location'),
    ...(sessionCookie ? { session: sessionCookie.slice('samskriv_session='.length).split(';')[0] } : {}),
    ...(guest ? { guest: guest.slice('samskriv_guest='.length).split(';')[0] } : {}),
  };
}

async function ok(sent: Promise<Sent>, what: string): Promise<Sent> {
  const done = await sent;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done;
}

const personActors = PROFILES.flatMap((p) => (p.actor.kind === 'person' ? [p.actor as PersonActor] : []));
const isPerson = (profile: Profile) => profile.actor.kind === 'person';
const unitId = (profile: Profile) => (profile.actor.kind === 'person' ? profile.actor.id : profile.actor.kind);
const keyOf = (cell: Cell) => `${cell.visibility}/${cell.state}${cell.consultation === 'everyone' ? '' : `/${cell.consultation}`}`;
const twinKey = (profile: Profile, action: Action, cell: Cell) => `${profile.name}|${action}|${keyOf(cell)}`;

/** The move each phase action tries from each state (archived has none: can() decides, then 409). */
function targetFor(action: 'change_phase' | 'publish', from: DocumentState): DocumentState {
  if (action === 'publish') return 'final';
  return { draft: 'in_review', in_review: 'draft', consultation: 'draft', final: 'archived', archived: 'draft' }[from] as DocumentState;
}
const irreversible = (action: 'change_phase' | 'publish', from: DocumentState) =>
  targetFor(action, from) === 'final' || targetFor(action, from) === 'archived';

/** The shortest way from one phase to another, as the admin walks it. */
function pathBetween(from: DocumentState, to: DocumentState): DocumentState[] {
  const queue: DocumentState[][] = [[from]];
  const seen = new Set<DocumentState>([from]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === to) return path.slice(1);
    for (const next of nextStates(last)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...path, next]);
    }
  }
  throw new Error(`no way from ${from} to ${to}`);
}

async function walk(id: string, from: DocumentState, to: DocumentState): Promise<void> {
  for (const state of pathBetween(from, to))
    await ok(send('PATCH', `/api/documents/${id}/state`, { state }, adminSession), `phase ${state}`);
}

/** An anchor on the first characters of the body's first heading (the template's "Formål"), from its body over the sync endpoint. */
async function headingAnchor(id: string): Promise<Anchor> {
  const client = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, id, { cookie: `samskriv_session=${sessions.get(AUTHOR)}` });
  await client.synced();
  const body = new Y.Doc();
  Y.applyUpdate(body, Y.encodeStateAsUpdate(client.doc));
  client.destroy();
  if (body.getXmlFragment(BODY_FRAGMENT).length === 0) throw new Error(`document ${id} has no body`);
  return anchorFromRange(body, 0, 4);
}

async function newDocument(title: string): Promise<string> {
  const created = await ok(
    // A template with text: bodies hold no title, and a comment needs a passage to anchor on.
    send('POST', '/api/documents', { title, template: 'projektforslag', workspaceId: realIds.get(WORKSPACE_ID) }, sessions.get(AUTHOR)),
    'create document',
  );
  return (created.body.document as { id: string }).id;
}

beforeAll(async () => {
  server = await startAppServer();
  const setup = await ok(
    send('POST', '/api/setup', { token: server.setupToken(), email: 'p_admin@eksempel.dk', name: 'p_admin', password: PASSWORD }),
    'setup',
  );
  adminSession = setup.session ?? '';
  const adminId = (
    (await ok(send('GET', '/api/admin/people?q=p_admin%40', undefined, adminSession), 'admin')).body.people as { id: string }[]
  )[0]!.id;
  realIds.set('p_admin', adminId);
  sessions.set('p_admin', adminSession);
  const people = [
    ...personActors.filter((a) => a.id !== 'p_admin'),
    { id: AUTHOR, role: 'citizen', organisationIds: [], workspaceIds: [WORKSPACE_ID] } as const,
  ];
  for (const actor of people) {
    const signedUp = await ok(
      send('POST', '/api/account/sign-up', { email: `${actor.id}@eksempel.dk`, name: actor.id, password: PASSWORD }),
      'sign-up',
    );
    realIds.set(actor.id, (signedUp.body.person as { id: string }).id);
    sessions.set(actor.id, signedUp.session ?? '');
    if (actor.role !== 'citizen')
      await ok(send('PATCH', `/api/admin/people/${realIds.get(actor.id)}`, { role: actor.role }, adminSession), 'role');
  }
  for (const actor of people) {
    for (const organisationId of actor.organisationIds) {
      if (!realIds.has(organisationId)) {
        const created = await ok(
          send('POST', '/api/admin/organisations', { name: `Forening ${organisationId}`, kind: 'association' }, adminSession),
          'org',
        );
        realIds.set(organisationId, (created.body.organisation as { id: string }).id);
      }
      await ok(
        send('POST', `/api/admin/organisations/${realIds.get(organisationId)}/members`, { email: `${actor.id}@eksempel.dk` }, adminSession),
        'member',
      );
    }
    for (const workspaceId of actor.workspaceIds) {
      if (!realIds.has(workspaceId)) {
        const created = await ok(send('POST', '/api/admin/workspaces', { name: `Arbejdsrum ${workspaceId}` }, adminSession), 'workspace');
        realIds.set(workspaceId, (created.body.workspace as { id: string }).id);
      }
      await ok(
        send('POST', `/api/admin/workspaces/${realIds.get(workspaceId)}/members`, { email: `${actor.id}@eksempel.dk` }, adminSession),
        'ws member',
      );
    }
  }
  // The author's session began before they joined the workspace; a fresh one sees it.
  const signedIn = await ok(send('POST', '/api/account/sign-in', { email: `${AUTHOR}@eksempel.dk`, password: PASSWORD }), 'sign-in');
  sessions.set(AUTHOR, signedIn.session ?? '');

  // One document per cell (and per other consultation case), and a twin for each allowed move that cannot be undone.
  const cellOf = new Map<string, Cell>();
  for (const cell of [...HTTP_CELLS, ...CASE_CELLS]) {
    const id = await newDocument(keyOf(cell));
    documents.set(keyOf(cell), id);
    cellOf.set(id, cell);
  }
  // The moderation surface needs a comment on each document: its author's, while it is a private draft.
  for (const cell of HTTP_CELLS) {
    const id = documents.get(keyOf(cell))!;
    const anchor = await headingAnchor(id);
    anchors.set(id, anchor);
    const seeded = await ok(
      send('POST', `/api/documents/${id}/comments`, { kind: 'comment', anchor, text: 'Frø' }, sessions.get(AUTHOR)),
      'seed',
    );
    seedComments.set(id, (seeded.body.comment as { id: string }).id);
  }
  for (const profile of PROFILES)
    for (const action of ['change_phase', 'publish'] as const)
      for (const cell of HTTP_CELLS)
        if (profile.document[action](cell) && irreversible(action, cell.state)) {
          const id = await newDocument(`tvilling ${keyOf(cell)}`);
          twins.set(twinKey(profile, action, cell), id);
          cellOf.set(id, cell);
        }

  // Visibility and grants as the unit matrix holds them (no HTTP surface: see the header).
  await server.halt();
  const metadata = new FileMetadataStore({ dir: join(server.dataDir, 'records') });
  const real = (id: string) => realIds.get(id) ?? `x_${id}`;
  for (const [id, cell] of cellOf) {
    const grants: Grant[] = documentFor(cell).grants.map((g) =>
      g.subject === 'person' ? { ...g, personId: real(g.personId) } : { ...g, organisationId: real(g.organisationId) },
    );
    await metadata.updateDocument(id, { visibility: cell.visibility, grants });
  }
  await metadata.close();
  await server.resume();

  for (const [id, cell] of cellOf) {
    const settings = cell.consultation === 'everyone' ? EVERYONE : CASE_SETTINGS[cell.consultation]();
    await ok(send('PATCH', `/api/documents/${id}/consultation`, settings, adminSession), 'consultation');
  }
  await Promise.all([...cellOf].map(([id, cell]) => walk(id, 'draft', cell.state)));
  const guest = await ok(send('POST', '/api/guest', { displayName: 'Gæst Hansen' }), 'guest');
  guestCookie = guest.guest ?? '';
  for (const actor of personActors.filter((a) => a.disabled)) {
    await ok(send('PATCH', `/api/admin/people/${realIds.get(actor.id)}`, { disabled: true }, adminSession), 'disable');
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** Whose row of the table the HTTP outcome follows: a disabled person's requests are anonymous ones. */
function rowFor(profile: Profile): Profile {
  return profile.actor.kind === 'person' && profile.actor.disabled ? profileNamed('anonymous') : profile;
}

/** What a refusal looks like for this person on this document. */
function refusal(profile: Profile, cell: Cell, page = false): number {
  const liveSession = profile.actor.kind === 'person' && !profile.actor.disabled;
  if (!liveSession) return page ? 307 : 401;
  return profile.document.view(cell) ? 403 : 404;
}

/** A refused comment: a guest who can read the document hears can()'s reason (403), except where can() asks them to sign in. */
function commentRefusal(profile: Profile, cell: Cell): number {
  if (profile.actor.kind === 'guest') return profile.document.view(cell) && !['draft', 'in_review'].includes(cell.state) ? 403 : 401;
  return refusal(profile, cell);
}

/** Every action's outcome for one profile on one document, through the HTTP surfaces. */
const sessionOf = (profile: Profile) => (profile.actor.kind === 'guest' ? `guest:${guestCookie}` : sessions.get(unitId(profile)));

async function probe(profile: Profile, cell: Cell): Promise<Map<Action, Outcome>> {
  const session = sessionOf(profile);
  const id = documents.get(keyOf(cell))!;
  const outcomes = new Map<Action, Outcome>();
  const page = await send('GET', `/d/${id}`, undefined, session);
  const token = await send('GET', `/api/documents/${id}/sync-token`, undefined, session);
  const access = token.status === 200 ? (token.body.access as string) : null;
  const pageStatus = page.status === 307 && !page.location?.includes('/konto/log-ind') ? -1 : page.status;
  outcomes.set('view', { allowed: page.status === 200 && token.status === 200, status: `page ${pageStatus}, token ${token.status}` });
  const commented = await send(
    'POST',
    `/api/documents/${id}/comments`,
    { kind: 'comment', anchor: anchors.get(id), text: 'Matrix' },
    session,
  );
  // A guest's sync token is an anonymous reader's; a person's names can()'s access.
  const tokenAgrees = profile.actor.kind === 'guest' || (access === 'comment' || access === 'edit') === (commented.status === 201);
  outcomes.set('comment', {
    allowed: commented.status === 201 && tokenAgrees,
    status: `${commented.status}${tokenAgrees ? '' : ` (token ${access})`}`,
  });
  const renamed = await send('PATCH', `/api/documents/${id}`, { title: keyOf(cell) }, session);
  outcomes.set('edit', { allowed: renamed.status === 200 && access === 'edit', status: `rename ${renamed.status}, token ${access}` });
  const listed = await send('GET', `/api/documents/${id}/access`, undefined, session);
  // Granting the viewer the role they hold changes nothing, so the document stays as the table has it.
  const granted = await send('POST', `/api/documents/${id}/access`, { email: 'p_viewer@eksempel.dk', role: 'viewer' }, session);
  outcomes.set('manage_access', {
    allowed: listed.status === 200 && granted.status === 201,
    status: `list ${listed.status}, grant ${granted.status}`,
  });
  for (const action of ['change_phase', 'publish'] as const) {
    const target = targetFor(action, cell.state);
    const twin = twins.get(twinKey(profile, action, cell));
    const moved = await send('PATCH', `/api/documents/${twin ?? id}/state`, { state: target }, session);
    // The move itself may not exist (nothing leaves archived): can() allowed it, the lifecycle did not.
    outcomes.set(action, { allowed: moved.status === 200 || moved.status === 409, status: moved.status });
    if (moved.status === 200 && !twin) await walk(id, target, cell.state);
  }
  const moderated = await send('POST', `/api/moderation/comments/${seedComments.get(id)}`, { action: 'keep', reason: 'Matrix' }, session);
  outcomes.set('moderate', { allowed: moderated.status === 200, status: moderated.status });
  const admin = await send('GET', '/api/admin/people?limit=1', undefined, session);
  outcomes.set('administer', { allowed: admin.status === 200, status: admin.status });
  const history = await send('GET', `/api/documents/${id}/authorship`, undefined, session);
  outcomes.set('view_history', { allowed: history.status === 200, status: history.status });
  return outcomes;
}

/** The comment cell of another consultation case: a malformed anchor, so that an allowed cell is 400 `anchor_invalid`, not a write. */
async function probeComment(profile: Profile, cell: Cell): Promise<Outcome> {
  const id = documents.get(keyOf(cell))!;
  const sent = await send('POST', `/api/documents/${id}/comments`, { kind: 'comment', anchor: null, text: 'Matrix' }, sessionOf(profile));
  const code = (sent.body.error as { code?: string } | undefined)?.code ?? '';
  return { allowed: sent.status === 400 && code === 'anchor_invalid', status: `${sent.status} ${code}` };
}

/** The exact status a refused or allowed cell must show, beyond allowed/refused. */
function expectedStatus(profile: Profile, action: Action, cell: Cell, allowed: boolean): number | string | null {
  switch (action) {
    case 'view':
      return allowed
        ? 'page 200, token 200'
        : `page ${refusal(profile, cell, true)}, token ${refusal(profile, cell) === 403 ? 404 : refusal(profile, cell)}`;
    case 'manage_access':
      return allowed ? 'list 200, grant 201' : `list ${refusal(profile, cell)}, grant ${refusal(profile, cell)}`;
    case 'change_phase':
    case 'publish':
      return allowed ? (targetFor(action, cell.state) === 'draft' && cell.state === 'archived' ? 409 : 200) : refusal(profile, cell);
    case 'administer':
      return allowed ? 200 : isPerson(profile) && !(profile.actor as PersonActor).disabled ? 403 : 401;
    case 'comment':
      return allowed ? '201' : String(commentRefusal(profile, cell));
    case 'moderate':
    case 'view_history':
      return allowed ? 200 : refusal(profile, cell);
    default:
      return null;
  }
}

describe('access matrix over HTTP', () => {
  const cells = PROFILES.flatMap((profile) =>
    WRITTEN_FOR_ACTIONS.flatMap((action) => HTTP_CELLS.map((cell) => ({ profile, action, cell }))),
  );
  const caseCells = PROFILES.flatMap((profile) => CASE_CELLS.map((cell) => ({ profile, cell })));

  it('covers every profile × action × visibility × state, and every consultation case for comments: no cell left out', () => {
    // 16 profiles × 9 actions × 3 visibilities × 5 states, each through its surface.
    expect(cells).toHaveLength(2160);
    expect(new Set(cells.map((c) => `${c.profile.name}|${c.action}|${keyOf(c.cell)}`)).size).toBe(2160);
    // 16 profiles × 3 visibilities × the 5 other consultation cases, for `comment`.
    expect(caseCells).toHaveLength(240);
    expect(new Set(caseCells.map((c) => `${c.profile.name}|${keyOf(c.cell)}`)).size).toBe(240);
    expect(HTTP_CELLS.every((c) => c.consultation === 'everyone')).toBe(true);
  });

  it('expects of a disabled person no more than of a signed-out visitor', () => {
    const beyond = [...cells, ...caseCells.map((c) => ({ ...c, action: 'comment' as const }))].filter(
      (c) =>
        c.profile.name === 'disabled admin' &&
        c.profile.document[c.action](c.cell) &&
        !profileNamed('anonymous').document[c.action](c.cell),
    );
    expect(beyond).toEqual([]);
  });

  it.each(PROFILES.map((profile) => [profile.name, profile] as const))(
    '%s: every action on every document is allowed or refused as the table says',
    async (_name, profile) => {
      const wrong: string[] = [];
      let asserted = 0;
      await Promise.all(
        HTTP_CELLS.map(async (cell) => {
          const outcomes = await probe(profile, cell);
          for (const action of WRITTEN_FOR_ACTIONS) {
            const expected = rowFor(profile).document[action](cell);
            const outcome = outcomes.get(action)!;
            asserted += 1;
            const status = expectedStatus(profile, action, cell, expected);
            if (outcome.allowed !== expected || (status !== null && String(outcome.status) !== String(status)))
              wrong.push(
                `${action} ${keyOf(cell)}: expected ${expected ? 'allowed' : 'refused'} (${status ?? '-'}), got ${String(outcome.status)}`,
              );
          }
        }),
      );
      await Promise.all(
        CASE_CELLS.map(async (cell) => {
          const expected = rowFor(profile).document.comment(cell);
          const outcome = await probeComment(profile, cell);
          asserted += 1;
          const status = expected ? '400 anchor_invalid' : String(commentRefusal(profile, cell));
          if (outcome.allowed !== expected || !String(outcome.status).startsWith(status))
            wrong.push(`comment ${keyOf(cell)}: expected ${expected ? 'allowed' : 'refused'} (${status}), got ${String(outcome.status)}`);
        }),
      );
      expect(wrong).toEqual([]);
      expect(asserted).toBe(9 * 15 + 15); // nine actions (view_history since issue 12) on 15 cells, and 15 comment cases
    },
    120_000,
  );
});

describe('the phase endpoint', () => {
  it('refuses another origin, a missing Origin, an unknown phase and a move that does not exist, with the JSON error shape', async () => {
    const id = documents.get('private/draft')!;
    const patch = (body: unknown, origin: string | null) =>
      fetch(`${server.url}/api/documents/${id}/state`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Cookie: `samskriv_session=${adminSession}`, ...(origin ? { Origin: origin } : {}) },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string; message: string } } }));
    expect(await patch({ state: 'in_review' }, 'https://ondsindet.example')).toMatchObject({
      status: 403,
      body: { error: { code: 'cross_origin' } },
    });
    expect(await patch({ state: 'in_review' }, null)).toMatchObject({ status: 403, body: { error: { code: 'cross_origin' } } });
    expect(await patch({ state: 'udgivet' }, server.url)).toMatchObject({ status: 400, body: { error: { code: 'state_invalid' } } });
    const skipped = await patch({ state: 'consultation' }, server.url);
    expect(skipped).toMatchObject({ status: 409, body: { error: { code: 'transition_invalid' } } });
    expect(skipped.body.error?.message).toBe('Dokumentet kan ikke skifte til den fase herfra.');
    expect(await patch({ state: 'draft' }, server.url)).toMatchObject({ status: 409 });
    // A real move answers with the new phase; moving back leaves the matrix's document as it was.
    expect(await patch({ state: 'in_review' }, server.url)).toMatchObject({ status: 200, body: { state: 'in_review' } });
    expect(await patch({ state: 'draft' }, server.url)).toMatchObject({ status: 200, body: { state: 'draft' } });
  });
});

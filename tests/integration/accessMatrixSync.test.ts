/**
 * The access matrix over the sync endpoint: every profile of the unit matrix × every visibility ×
 * every state, connecting with the person's real account session to a real sync server. Expected
 * outcomes come from the same hand-written table (tests/helpers/accessMatrix.ts):
 * - refused (no view): the close code, 4401 without a live session (anonymous, disabled), 4403 otherwise;
 * - edit: the connection's body update is stored and relayed to the others;
 * - comment / view: the update is dropped (never stored, never relayed), while the connection still
 *   receives the document and others' edits. The sync protocol treats comment and view alike (comments
 *   arrive with issue 5), so the granted level itself is read from the server's record of the connection.
 *
 * The sync surface covers the actions view, comment and edit; every other action has none here (the
 * HTTP matrix covers them). Guests comment over HTTP (the comments API, with the guest cookie); the
 * sync endpoint does not read the guest cookie, so there a guest is a signed-out reader. Their cells
 * are listed as "no surface" and counted, not skipped silently. The documents have a new document's
 * consultation settings (the table's `signed_in` case).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PersonActor } from '../../lib/access/model';
import { Close } from '../../lib/protocol';
import { startSession } from '../../server/people/startSession';
import {
  PROFILES,
  VISIBILITY_STATE_CELLS,
  WORKSPACE_ID,
  documentFor,
  expectedSyncLevel,
  type Cell,
  type Profile,
  type SyncLevel,
} from '../helpers/accessMatrix';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import { startSyncServer, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';
import { waitUntil } from '../helpers/waitUntil';

const SYNC_ACTIONS = ['view', 'comment', 'edit'] as const;
/** Profiles with no identity on the sync endpoint yet, and why. */
const NO_SYNC_SURFACE: Readonly<Record<string, string>> = { guest: 'guests comment over HTTP; the sync endpoint reads no guest cookie' };
const SEED_TEXT = 'Grundtekst';

interface Participant {
  readonly profile: Profile;
  /** The Cookie header, or undefined for anonymous. */
  readonly cookie: string | undefined;
  /** What a refusal closes with: no live session is 4401, a live one without access 4403. */
  readonly refusal: typeof Close.unauthenticated | typeof Close.forbidden;
}

let server: TestSyncServer;
let participants: Participant[];
const documentIds = new Map<Cell, string>();

const listenerLimit = process.getMaxListeners();

beforeAll(async () => {
  // Every y-websocket provider listens for the process's exit; a cell opens one per profile at once.
  process.setMaxListeners(64);
  server = await startSyncServer();
  const store = server.accountStore;
  const at = new Date().toISOString();
  const people = PROFILES.flatMap((p) => (p.actor.kind === 'person' ? [{ profile: p, actor: p.actor }] : []));
  const organisationIds = new Set(people.flatMap(({ actor }) => actor.organisationIds));
  const workspaceIds = new Set(people.flatMap(({ actor }) => actor.workspaceIds));
  for (const id of organisationIds) await store.createOrganisation({ id, name: `Forening ${id}`, kind: 'association', createdAt: at });
  for (const id of workspaceIds) await store.createWorkspace({ id, name: `Arbejdsrum ${id}`, createdAt: at, memberIds: [] });
  // The people carry the unit matrix's own ids, so its grants (documentFor) apply to them verbatim.
  const cookies = new Map<string, string>();
  for (const { actor } of people) {
    await store.createPerson({
      id: actor.id,
      email: `${actor.id}@eksempel.dk`,
      name: actor.id,
      passwordHash: 'not-a-hash',
      role: actor.role,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    for (const organisationId of actor.organisationIds) await store.addMembership({ personId: actor.id, organisationId });
    for (const workspaceId of actor.workspaceIds) await store.addWorkspaceMember(workspaceId, actor.id);
    cookies.set(actor.id, `${SESSION_COOKIE}=${(await startSession(store, actor.id, Date.now())).sessionId}`);
  }
  const admin = people.find(({ actor }) => actor.role === 'admin' && !actor.disabled)!.actor;
  for (const { actor } of people.filter(({ actor }) => actor.disabled)) {
    // Disabled the way an admin does it, after the session began: the session must count for nothing.
    await server.accounts.setDisabled(admin.id, actor.id, true);
  }
  participants = PROFILES.filter((p) => !(p.name in NO_SYNC_SURFACE)).map((profile) => {
    const actor = profile.actor.kind === 'person' ? (profile.actor as PersonActor) : null;
    return {
      profile,
      cookie: actor ? cookies.get(actor.id) : undefined,
      refusal: actor && !actor.disabled ? Close.forbidden : Close.unauthenticated,
    };
  });
  for (const cell of VISIBILITY_STATE_CELLS) {
    const meta = await server.documents.create({
      title: `${cell.visibility}/${cell.state}`,
      template: 'blank',
      createdBy: { id: 'p_someone_else', name: 'Nogen' },
      workspaceId: WORKSPACE_ID,
      visibility: cell.visibility,
    });
    const seed = new Y.Doc();
    seed.getText('t').insert(0, SEED_TEXT);
    await server.store.append(meta.id, Y.encodeStateAsUpdate(seed));
    await server.documents.setGrants(meta.id, documentFor(cell).grants);
    await server.documents.setState(meta.id, cell.state);
    documentIds.set(cell, meta.id);
  }
});

afterAll(async () => {
  await server.close();
  process.setMaxListeners(listenerLimit);
});

/** The level the server recorded for the connection of `actorId` on `documentId` (anonymous: any anon_ id). */
function grantedLevels(documentId: string): Map<string, SyncLevel> {
  const levels = new Map<string, SyncLevel>();
  for (const line of server.logger.lines) {
    if (line.msg !== 'sync connection accepted') continue;
    const obj = line.obj as { doc?: string; actor?: string; access?: SyncLevel };
    if (obj.doc === documentId && obj.actor && obj.access) levels.set(obj.actor.startsWith('anon_') ? 'anonymous' : obj.actor, obj.access);
  }
  return levels;
}

const idOf = (profile: Profile) => (profile.actor.kind === 'person' ? profile.actor.id : profile.actor.kind);
const markerOf = (profile: Profile) => `[${idOf(profile)}]`;

describe('access matrix over the sync endpoint', () => {
  it('covers every profile × visibility × state, and every view/comment/edit cell of the table: no cell left out', () => {
    expect(VISIBILITY_STATE_CELLS).toHaveLength(15);
    expect(new Set(VISIBILITY_STATE_CELLS.map((c) => `${c.visibility}/${c.state}`)).size).toBe(15);
    // 16 profiles × 15 documents = 240 connection cells: 225 connect, 15 (guest) have no sync surface.
    expect(PROFILES.length * VISIBILITY_STATE_CELLS.length).toBe(240);
    expect(participants.length * VISIBILITY_STATE_CELLS.length).toBe(225);
    expect(VISIBILITY_STATE_CELLS.every((cell) => cell.consultation === 'signed_in')).toBe(true);
    // Each connection cell decides three action cells: 16 × 3 × 15 = 720, of which 45 are the guest's.
    const actionCells = PROFILES.flatMap((profile) =>
      VISIBILITY_STATE_CELLS.flatMap((cell) => SYNC_ACTIONS.map((a) => ({ profile, cell, a }))),
    );
    expect(actionCells).toHaveLength(720);
    expect(actionCells.filter(({ profile }) => profile.name in NO_SYNC_SURFACE)).toHaveLength(45);
  });

  it('has a table where edit implies comment and comment implies view, as sync access levels are nested', () => {
    const broken = PROFILES.flatMap((profile) =>
      VISIBILITY_STATE_CELLS.filter((cell) => {
        const d = profile.document;
        return (d.edit(cell) && !d.comment(cell)) || (d.comment(cell) && !d.view(cell));
      }).map((cell) => `${profile.name}: ${cell.visibility}/${cell.state}`),
    );
    expect(broken).toEqual([]);
  });

  it.each(VISIBILITY_STATE_CELLS.map((cell) => [`${cell.visibility}/${cell.state}`, cell] as const))(
    '%s: every profile is refused with its close code or granted its level, and only editors’ updates are stored',
    async (_name, cell) => {
      const id = documentIds.get(cell)!;
      const expected = participants.map((p) => ({ ...p, level: expectedSyncLevel(p.profile, cell) }));
      const clients = new Map<Participant, TestProvider>();
      for (const p of expected) clients.set(p, connectProvider(server.url, id, { cookie: p.cookie }));
      const wrong: string[] = [];
      // Refusals: the close code, and nothing of the document.
      await Promise.all(
        expected
          .filter((p) => p.level === null)
          .map(async (p) => {
            const client = clients.get(p)!;
            const close = await client.closed();
            if (close.code !== p.refusal.code || close.reason !== p.refusal.reason)
              wrong.push(`${p.profile.name}: closed ${close.code} ${close.reason}, expected ${p.refusal.code}`);
            if (client.doc.getText('t').toString() !== '') wrong.push(`${p.profile.name}: received the document`);
            client.destroy();
          }),
      );
      const admitted = expected.filter((p) => p.level !== null);
      await Promise.all(admitted.map((p) => clients.get(p)!.synced()));
      // Granted: the level the server recorded, and the document as stored.
      const levels = grantedLevels(id);
      for (const p of admitted) {
        const client = clients.get(p)!;
        if (levels.get(idOf(p.profile)) !== p.level)
          wrong.push(`${p.profile.name}: granted ${levels.get(idOf(p.profile))}, expected ${p.level}`);
        if (client.doc.getText('t').toString() !== SEED_TEXT) wrong.push(`${p.profile.name}: did not receive the document`);
      }
      expect(wrong).toEqual([]);

      // Everyone admitted writes; only editors' words may be stored and relayed.
      const droppedBefore = server.sync.stats().droppedReadOnly;
      for (const p of admitted) clients.get(p)!.doc.getText('t').insert(0, markerOf(p.profile));
      const editors = admitted.filter((p) => p.level === 'edit');
      const readers = admitted.filter((p) => p.level !== 'edit');
      const editorMarkers = editors.map((p) => markerOf(p.profile));
      await waitUntil(() => server.sync.stats().droppedReadOnly >= droppedBefore + readers.length, 'the readers’ updates to be dropped');
      // Every admitted connection, reader or editor, receives every editor's update.
      await Promise.all(
        admitted.map((p) =>
          waitForDoc(clients.get(p)!.doc, (d) => editorMarkers.every((m) => d.getText('t').toString().includes(m)), {
            what: `the editors’ words at ${p.profile.name}`,
          }),
        ),
      );
      // A fresh copy from the server: the seed and the editors' words, none of the readers'.
      const fresh = connectProvider(server.url, id, { cookie: participants.find((p) => idOf(p.profile) === 'p_admin')!.cookie });
      await fresh.synced();
      const stored = fresh.doc.getText('t').toString();
      expect({
        seed: stored.endsWith(SEED_TEXT),
        editors: editorMarkers.filter((m) => !stored.includes(m)),
        readers: readers.map((p) => markerOf(p.profile)).filter((m) => stored.includes(m)),
        length: stored.length,
      }).toEqual({ seed: true, editors: [], readers: [], length: SEED_TEXT.length + editorMarkers.join('').length });
      for (const client of [...clients.values(), fresh]) client.destroy();
    },
  );

  it('closes with 4404 for a document that does not exist, for every profile with a live session or none', async () => {
    const wrong: string[] = [];
    await Promise.all(
      participants.map(async (p) => {
        const client = connectProvider(server.url, 'findes-ikke-endnu', { cookie: p.cookie });
        const close = await client.closed();
        client.destroy();
        // A dead session is refused before the document is looked up.
        const expected = p.refusal === Close.unauthenticated && p.cookie !== undefined ? Close.unauthenticated : Close.notFound;
        if (close.code !== expected.code) wrong.push(`${p.profile.name}: ${close.code}, expected ${expected.code}`);
      }),
    );
    expect(wrong).toEqual([]);
  });
});

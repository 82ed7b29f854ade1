/**
 * `npm run seed:load` end to end: a small data set seeded into a temp data dir (through the
 * embedded stores createStores builds), then the real server started on it. Seeded
 * people sign in with the documented password, the documents open with their text over the stock
 * y-websocket provider, and their comments come back from the comment service with anchors that
 * resolve on that text. (In process and sync-only: the HTTP routes need a Next.js build; the route
 * handlers call exactly these services.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { documentText } from '../../lib/comments/anchors/documentText';
import { resolveAnchors } from '../../lib/comments/anchors/resolveAnchor';
import type { Anchor } from '../../lib/comments/model';
import { SESSION_COOKIE } from '../../lib/auth/sessionCookie';
import { loadConfig } from '../../lib/config';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { getServices } from '../../lib/services';
import { SEED_ADMIN_EMAIL, SEED_PASSWORD, type LoadSummary } from '../../bench/seed/generateLoad';
import { parseSeedCommand, runSeedCommand } from '../../bench/seed/seedCommand';
import { openEmbeddedStores, SeedTargetError, type SeedStores } from '../../bench/seed/SeedStores';
import { startServer, type RunningServer } from '../../server/startServer';
import { connectProvider } from '../helpers/connectProvider';
import { TEST_SECRET } from '../helpers/tokens';
import type { DocumentId } from '../../lib/documentId';

let dataDir: string;
let summary: LoadSummary;
let server: RunningServer;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'samskriv-seed-'));
  const command = parseSeedCommand(['--people', '60', '--documents', '8', '--comments', '120', '--data-dir', dataDir, '--seed', '7']);
  summary = await runSeedCommand(command);
  server = await startServer({
    config: loadConfig({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      AUTH_SECRET: TEST_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
    }),
    projectDir: process.cwd(),
    syncOnly: true,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(email: string, password = SEED_PASSWORD) {
  return getServices().accounts.signIn({ email, password, ip: '127.0.0.1' });
}

describe('seed:load', () => {
  it('seeds the shapes asked for', () => {
    expect(summary).toMatchObject({ people: 60, documents: 8, comments: 120 });
    expect(summary.threads).toBeGreaterThan(0);
    expect(summary.replies).toBeGreaterThan(0);
    expect(summary.supports).toBeGreaterThan(0);
    expect(summary.consultations).toBeGreaterThan(0);
  });

  it('answers bad options and an unreachable database with a code and a sentence', async () => {
    expect(() => parseSeedCommand(['--people', 'mange', '--documents', '1', '--comments', '0'])).toThrow(
      expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining('--people must be a whole number') }),
    );
    expect(() => parseSeedCommand(['--people', '1', '--documents', '1'])).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() =>
      parseSeedCommand(['--people', '1', '--documents', '1', '--comments', '1', '--data-dir', 'a', '--database-url', 'b']),
    ).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => parseSeedCommand(['--people', '1', '--documents', '1', '--comments', '0', '--database-url', 'mysql://db/x'])).toThrow(
      expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining('--database-url: must start with postgres://') }),
    );
    // Nothing listens on port 1: the database cannot be reached.
    const unreachable = parseSeedCommand([
      '--people',
      '1',
      '--documents',
      '1',
      '--comments',
      '0',
      '--database-url',
      'postgres://127.0.0.1:1/x',
    ]);
    await expect(runSeedCommand(unreachable)).rejects.toMatchObject({
      code: 'database_unavailable',
      message: expect.stringContaining('the database named by DATABASE_URL could not be used'),
    });
  });

  it('refuses to seed a data dir that holds data, unless --append', async () => {
    const again = parseSeedCommand(['--people', '1', '--documents', '1', '--comments', '0', '--data-dir', dataDir]);
    await expect(runSeedCommand(again)).rejects.toMatchObject({ name: SeedTargetError.name, code: 'not_empty' });
  });

  it('lets seeded people sign in with the documented password, and no other', async () => {
    const admin = await signIn(SEED_ADMIN_EMAIL);
    expect(admin).toMatchObject({ ok: true, person: { role: 'admin' } });
    const people = await getServices().accountStore.listPeople({ offset: 0, limit: 100 });
    const citizen = people.items.find((person) => person.role === 'citizen' && !person.disabled)!;
    expect(await signIn(citizen.email)).toMatchObject({ ok: true });
    expect(await signIn(citizen.email, 'forkert-adgangskode')).toMatchObject({ ok: false, code: 'invalid_credentials' });
  });

  it('opens the documents with their text over y-websocket, and lists comments whose anchors resolve on it', async () => {
    const documents = await getServices().documents.list();
    expect(documents).toHaveLength(8);
    const signedInOwners: Record<string, Awaited<ReturnType<typeof signIn>>> = {};
    let listed = 0;
    for (const meta of documents) {
      // The owner: a private draft is theirs alone.
      const owner = (await getServices().accountStore.getPerson(meta.createdBy.id))!;
      const signedIn = (signedInOwners[owner.id] ??= await signIn(owner.email));
      if (!signedIn.ok) throw new Error(`${owner.email} could not sign in`);
      const principal = (await getServices().resolvePrincipal(signedIn.sessionId))!;
      if (principal.actor.kind !== 'person') throw new Error('not a person');
      const who = { kind: 'person' as const, actor: principal.actor, name: owner.name, organisation: null, ip: '127.0.0.1' };
      const client = connectProvider(`ws://127.0.0.1:${server.port}/sync`, meta.id, { cookie: `${SESSION_COOKIE}=${signedIn.sessionId}` });
      await client.synced();
      const body = client.doc.getXmlFragment(BODY_FRAGMENT);
      const text = documentText(body).text;
      expect(text.length).toBeGreaterThan(40);
      // The title lives in the document's metadata: the body starts with its text, headings at level 2.
      expect(text.startsWith(meta.title)).toBe(false);
      const first = body.get(0) as Y.XmlElement;
      expect([first.nodeName, first.getAttribute('level')]).toEqual(['heading', 2]);
      const { comments } = await getServices().comments.list(who, meta.id as DocumentId);
      const anchors = comments.flatMap((comment) => (comment.anchor ? [comment.anchor as Anchor] : []));
      const passages = resolveAnchors(client.doc, anchors);
      for (const [i, passage] of passages.entries()) {
        expect(passage.status).toBe('anchored');
        expect(passage.text).toBe(anchors[i]!.quote.exact);
      }
      if (meta.id === summary.hottestDocumentId) expect(comments.length).toBeGreaterThan(120 / 8);
      listed += comments.length;
      client.destroy();
    }
    expect(listed).toBe(120);
  });
});

describe('seed:load with a seed', () => {
  it('writes the same data set for the same seed', async () => {
    const dirs = [await mkdtemp(join(tmpdir(), 'samskriv-seed-a-')), await mkdtemp(join(tmpdir(), 'samskriv-seed-b-'))];
    try {
      const args = ['--people', '20', '--documents', '4', '--comments', '30', '--seed', '3'];
      for (const dir of dirs) await runSeedCommand(parseSeedCommand([...args, '--data-dir', dir]));
      const [first, second] = await Promise.all(dirs.map((dir) => openEmbeddedStores(dir)));
      const content = async (at: SeedStores) => {
        const people = (await at.accounts.listPeople({ offset: 0, limit: 100 })).items.map(({ passwordHash: _hash, ...person }) => person);
        const documents = await at.metadata.listDocuments();
        const bodies = await Promise.all(documents.map((meta) => at.documents.load(meta.id)));
        const comments = await Promise.all(documents.map((meta) => at.comments.read(meta.id)));
        const organisations = await at.accounts.listOrganisations({ offset: 0, limit: 100 });
        const memberships = await Promise.all(people.map((person) => at.accounts.organisationIdsOf(person.id)));
        const workspaces = await at.accounts.listWorkspaces();
        return { people, memberships, workspaces, documents, bodies, comments, organisations, log: await at.comments.moderationLog() };
      };
      const fromFirst = await content(first!);
      expect(fromFirst.people).toHaveLength(20);
      expect(fromFirst.comments.flatMap((record) => record.comments)).toHaveLength(30);
      expect(fromFirst).toEqual(await content(second!));
      await first!.close();
      await second!.close();
    } finally {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    }
  }, 60_000);
});

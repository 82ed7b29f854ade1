/**
 * The account self-service end to end over real services (accountWorld): the data export holds
 * everything a person wrote and nothing of anyone else's; deleting an account anonymises comments,
 * the høringsnotat, notifications, document creators, version records and the moderation log;
 * the last admin stays; sessions end. Run in memory (accountSelfService.test.ts) and on the
 * embedded stores' real files (tests/integration/accountData.test.ts).
 */
import { strFromU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { contentHash } from '../../../lib/versions/contentHash';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMER_PARTICIPANT_NAME } from '../../../lib/account/formerParticipant';
import { sessionRef } from '../../../lib/account/sessionRef';
import { bodyJsonOf } from '../../../lib/versions/bodyJsonOf';
import { PASSWORD, type AccountWorld } from './accountWorld';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';

/** Every file of a zip, decoded. */
function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, content]) => [path, strFromU8(content)]));
}

/** A consultation with Karen, Bo, Olga (the owner, staff) and Ada (the admin) writing on it. */
async function consultation(world: AccountWorld) {
  const karen = await world.person('p_karen', 'Karen Borger');
  const bo = await world.person('p_bo', 'Bo Nabo');
  const olga = await world.person('p_olga', 'Olga Ejer', 'staff');
  const ada = await world.person('p_ada', 'Ada Admin', 'admin');
  const plan = await world.document('p_olga', 'Olga Ejer', 'Lokalplan for Havnen', [
    'Der skal bygges en ny bro over kanalen.',
    'Parkering flyttes til kajen.',
  ]);
  const karensOwn = await world.document('p_karen', 'Karen Borger', 'Karens udkast', ['Karens egen tekst om fællesspisning.']);
  const bosComment = await world.comments.create(bo.participant, plan, {
    kind: 'comment',
    anchor: await world.anchor(plan, 'Parkering flyttes'),
    text: 'Bos hemmelige bemærkning om parkering.',
  });
  const karensComment = await world.comments.create(karen.participant, plan, {
    kind: 'comment',
    anchor: await world.anchor(plan, 'ny bro'),
    text: 'Karen mener broen skal have cykelsti.',
  });
  const karensSuggestion = await world.comments.create(karen.participant, plan, {
    kind: 'suggestion',
    anchor: await world.anchor(plan, 'kanalen'),
    text: 'Karen foreslår et mere præcist ord.',
    replacement: 'inderhavnen',
  });
  const karensReply = await world.comments.reply(karen.participant, plan, bosComment.comment.id, { text: 'Karen svarer Bo om parkering.' });
  await world.comments.reply(bo.participant, plan, karensComment.comment.id, { text: 'Bos svar til Karen.' });
  await world.comments.setSupport(karen.participant, plan, bosComment.comment.id, true);
  await world.comments.report(karen.participant, plan, bosComment.comment.id, { ground: 'off_topic', note: 'Karens anmeldelse.' });
  await world.comments.answer(olga.participant, plan, karensComment.comment.id, {
    status: 'partly',
    text: 'Olgas officielle svar om cykelstien.',
  });
  return { karen, bo, olga, ada, plan, karensOwn, bosComment, karensComment, karensSuggestion, karensReply };
}

export function accountScenarios(name: string, makeWorld: () => Promise<AccountWorld>): void {
  describe(`account self-service (${name})`, () => {
    let world: AccountWorld;
    beforeEach(async () => {
      world = await makeWorld();
    });
    afterEach(async () => {
      await world.close();
    });

    it("exports everything the person wrote and did, and nothing of anyone else's", async () => {
      const c = await consultation(world);
      await c.karen.signIn(FIREFOX);
      const at = new Date(world.now).toISOString();
      const link = {
        providerId: 'entra',
        subject: 'sub-karen',
        personId: 'p_karen',
        email: 'karen@sso.example.dk',
        createdAt: at,
        lastUsedAt: at,
      };
      await world.stores.identityLinks.add(link);
      await world.stores.identityLinks.add({ ...link, subject: 'sub-bo', personId: 'p_bo', email: 'bo@sso.example.dk' });
      const { filename, bytes } = await world.selfService.exportData('p_karen', 'p_karen');
      expect(filename).toMatch(/^samskriv-data-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = unzipText(bytes);
      expect(Object.keys(files).sort()).toEqual([
        'samskriv-data/README.md',
        'samskriv-data/data.json',
        `samskriv-data/dokumenter/${c.karensOwn}.md`,
      ]);
      const data = JSON.parse(files['samskriv-data/data.json']!) as {
        profile: { id: string; email: string; name: string; signInProviders: Array<{ providerId: string; email: string }> };
        comments: Array<{
          id: string;
          kind: string;
          text: string;
          inReplyTo: string | null;
          replacement: string | null;
          answerStatus: string | null;
        }>;
        supports: Array<{ commentId: string }>;
        reports: Array<{ commentId: string; note: string }>;
        documents: Array<{ id: string; markdown: string }>;
        sessions: Array<{ device: string | null }>;
      };
      expect(data.profile).toMatchObject({ id: 'p_karen', email: 'p_karen@example.dk', name: 'Karen Borger' });
      expect(data.profile).not.toHaveProperty('passwordHash');
      expect(data.profile.signInProviders).toEqual([expect.objectContaining({ providerId: 'entra', email: 'karen@sso.example.dk' })]);
      expect(files['samskriv-data/README.md']).toContain('entra (karen@sso.example.dk)');
      expect(data.comments.map((comment) => comment.id).sort()).toEqual(
        [c.karensComment.comment.id, c.karensSuggestion.comment.id, c.karensReply.comment.id].sort(),
      );
      expect(data.comments.find((comment) => comment.kind === 'suggestion')).toMatchObject({ replacement: 'inderhavnen' });
      expect(data.comments.find((comment) => comment.kind === 'reply')).toMatchObject({ inReplyTo: c.bosComment.comment.id });
      // The outcome of Olga's answer, not her words.
      expect(data.comments.find((comment) => comment.id === c.karensComment.comment.id)).toMatchObject({ answerStatus: 'partly' });
      expect(data.supports).toEqual([expect.objectContaining({ commentId: c.bosComment.comment.id })]);
      expect(data.reports).toEqual([expect.objectContaining({ commentId: c.bosComment.comment.id, note: 'Karens anmeldelse.' })]);
      expect(data.documents.map((document) => document.id)).toEqual([c.karensOwn]);
      expect(data.documents[0]?.markdown).toContain('Karens egen tekst om fællesspisning.');
      expect(data.sessions).toEqual([expect.objectContaining({ device: 'Firefox · Linux' })]);
      expect(files['samskriv-data/README.md']).toContain('Karen mener broen skal have cykelsti.');
      expect(files[`samskriv-data/dokumenter/${c.karensOwn}.md`]).toContain('Karens egen tekst om fællesspisning.');

      const everything = Object.values(files).join('\n');
      for (const others of [
        'Bos hemmelige bemærkning',
        'Bos svar til Karen',
        'Olgas officielle svar',
        'Bo Nabo',
        'Olga Ejer',
        'p_bo@example.dk',
        'p_olga@example.dk',
        'p_ada@example.dk',
        'bo@sso.example.dk',
        // The text of a document she does not own, beyond the passages she commented on.
        'Der skal bygges en ny bro over kanalen',
        'Parkering flyttes',
      ]) {
        expect(everything).not.toContain(others);
      }
    });

    it('deletes an account: every name becomes "Tidligere deltager", documents are handed to an admin, sessions and data go', async () => {
      const c = await consultation(world);
      const { session } = await c.karen.signIn(FIREFOX);
      await world.stores.apiKeys.create({
        id: 'k_karen',
        name: 'Karens nøgle',
        hash: 'hash-k',
        prefix: 'sk_abc',
        scopes: ['documents:read'],
        createdBy: 'p_karen',
        createdAt: new Date(world.now).toISOString(),
        revokedAt: null,
      });
      await world.stores.sharing.createInvite({
        id: 'i_karen',
        documentId: c.karensOwn,
        tokenHash: 'invite-hash',
        role: 'commenter',
        createdBy: 'p_karen',
        createdAt: new Date(world.now).toISOString(),
        expiresAt: new Date(world.now + 86_400_000).toISOString(),
        uses: 0,
      });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await world.readDocumentState(c.karensOwn));
      const body = bodyJsonOf(Y.encodeStateAsUpdate(doc));
      await world.stores.versions.add({
        documentId: c.karensOwn,
        number: 1,
        kind: 'published',
        title: 'Karens udkast',
        summary: '',
        publishedAt: new Date(world.now).toISOString(),
        publishedBy: { id: 'p_karen', name: 'Karen Borger' },
        closesPhase: 'consultation',
        // The file store checks the hash on every read, as it should.
        hash: contentHash('Karens udkast', body),
        content: { yjsState: Y.encodeStateAsUpdate(doc), body, html: '<p>Karens egen tekst</p>' },
        idempotencyKey: null,
      });
      // Bo was told of Karen's reply, by her name.
      const bosBefore = await world.notificationService.list(c.bo.participant.kind === 'person' ? c.bo.participant.actor : never());
      expect(bosBefore.items.map((item) => item.data.actorName).join(' ')).toContain('Karen Borger');

      const plan = await world.selfService.deletionPlan('p_karen', 'p_karen');
      expect(plan).toMatchObject({
        soleDocuments: [{ id: c.karensOwn, title: 'Karens udkast' }],
        heir: { id: 'p_ada', name: 'Ada Admin' },
      });
      const at = new Date(world.now).toISOString();
      await world.stores.identityLinks.add({
        providerId: 'entra',
        subject: 'sub-karen',
        personId: 'p_karen',
        email: 'karen@sso.example.dk',
        createdAt: at,
        lastUsedAt: at,
      });
      await world.stores.notificationMail.putSettings({ personId: 'p_karen', frequency: 'weekly', kinds: {}, updatedAt: at });
      const report = await world.selfService.deleteAccount({
        actorId: 'p_karen',
        personId: 'p_karen',
        password: PASSWORD,
        sessionIdHash: session.idHash,
        documents: {},
      });
      expect(report.handedOver).toEqual([{ id: c.karensOwn, title: 'Karens udkast' }]);
      expect(report.heir).toEqual({ id: 'p_ada', name: 'Ada Admin' });

      // The account and what only it had are gone.
      expect(await world.stores.accounts.getPerson('p_karen')).toBeNull();
      expect(await world.stores.accounts.getPersonByEmail('p_karen@example.dk')).toBeNull();
      expect(await world.stores.accounts.getSession(session.idHash)).toBeNull();
      expect(await world.stores.identityLinks.linksOf('p_karen')).toEqual([]);
      expect(await world.stores.identityLinks.get('entra', 'sub-karen')).toBeNull();
      expect(await world.stores.notificationMail.getSettings('p_karen')).toBeNull();
      expect(world.revoked).toContainEqual(expect.objectContaining({ personId: 'p_karen' }));
      expect(await world.stores.notifications.list('p_karen', { limit: 100 })).toEqual([]);
      expect(await world.stores.notifications.getFollow('p_karen', c.plan)).toBeNull();
      expect((await world.stores.apiKeys.list()).find((key) => key.id === 'k_karen')?.revokedAt).not.toBeNull();
      expect((await world.stores.sharing.getInvite('i_karen'))?.revokedAt).toBeDefined();

      // Her document is Ada's now; its creator is named no more.
      const handed = await world.documents.get(c.karensOwn);
      expect(handed?.grants).toEqual([{ subject: 'person', personId: 'p_ada', role: 'owner' }]);
      expect(handed?.createdBy).toEqual({ id: 'p_karen', name: FORMER_PARTICIPANT_NAME });

      // Her contributions stay, named "Tidligere deltager" in the thread list and in the høringsnotat.
      const listed = await world.comments.list(c.bo.participant, c.plan);
      const serialised = JSON.stringify(listed);
      expect(serialised).toContain('Karen mener broen skal have cykelsti.');
      expect(serialised).not.toContain('Karen Borger');
      expect(serialised).toContain(FORMER_PARTICIPANT_NAME);
      const notat = await world.comments.consultationReport(c.olga.participant, c.plan);
      expect(JSON.stringify(notat)).not.toContain('Karen Borger');
      expect(JSON.stringify(notat)).toContain(FORMER_PARTICIPANT_NAME);
      const stored = await world.stores.comments.read(c.plan);
      expect(JSON.stringify(stored)).not.toContain('Karen Borger');

      // Bo's notification now names a former participant.
      const bosAfter = await world.notificationService.list(c.bo.participant.kind === 'person' ? c.bo.participant.actor : never());
      const texts = bosAfter.items.map((item) => item.data.actorName).join(' ');
      expect(texts).not.toContain('Karen Borger');
      expect(texts).toContain(FORMER_PARTICIPANT_NAME);

      // The version she published: renamed when read (versions are never rewritten).
      expect((await world.versions.list(c.karensOwn))[0]?.publishedBy).toEqual({ id: 'p_karen', name: FORMER_PARTICIPANT_NAME });
      expect((await world.versions.get(c.karensOwn, 1))?.publishedBy.name).toBe(FORMER_PARTICIPANT_NAME);
    });

    it('names a deleted moderator "Tidligere deltager" in the moderation log', async () => {
      const c = await consultation(world);
      const mona = await world.person('p_mona', 'Mona Moderator', 'moderator');
      await world.comments.moderate(mona.participant, c.bosComment.comment.id, {
        action: 'hide',
        ground: 'off_topic',
        reason: 'Uden for emnet.',
      });
      expect((await world.comments.log(c.ada.participant))[0]?.by.name).toBe('Mona Moderator');
      await world.selfService.deleteAccount({ actorId: 'p_mona', personId: 'p_mona', password: PASSWORD, documents: {} });
      const log = await world.comments.log(c.ada.participant);
      expect(log[0]?.by.name).toBe(FORMER_PARTICIPANT_NAME);
      expect(JSON.stringify(log)).not.toContain('Mona Moderator');
    });

    it('refuses the last admin, a wrong password and a stale sign-in, changing nothing', async () => {
      await world.person('p_ada', 'Ada Admin', 'admin');
      const sso = await world.person('p_sso', 'Sara Single', 'citizen', null);
      const plan = await world.selfService.deletionPlan('p_ada', 'p_ada');
      expect(plan.lastAdmin).toBe(true);
      await expect(
        world.selfService.deleteAccount({ actorId: 'p_ada', personId: 'p_ada', password: PASSWORD, documents: {} }),
      ).rejects.toMatchObject({
        code: 'last_admin',
      });
      expect(await world.stores.accounts.getPerson('p_ada')).not.toBeNull();

      await world.person('p_karen', 'Karen Borger');
      await expect(
        world.selfService.deleteAccount({ actorId: 'p_karen', personId: 'p_karen', password: 'forkert adgangskode', documents: {} }),
      ).rejects.toMatchObject({ code: 'invalid_credentials' });
      expect(await world.stores.accounts.getPerson('p_karen')).not.toBeNull();

      // No password: a sign-in within ten minutes confirms, an older one does not.
      const { session } = await sso.signIn();
      world.now += 11 * 60_000;
      await expect(
        world.selfService.deleteAccount({ actorId: 'p_sso', personId: 'p_sso', sessionIdHash: session.idHash, documents: {} }),
      ).rejects.toMatchObject({ code: 'fresh_sign_in_required' });
      expect(await world.stores.accounts.getPerson('p_sso')).not.toBeNull();
      const fresh = await sso.signIn();
      await world.selfService.deleteAccount({ actorId: 'p_sso', personId: 'p_sso', sessionIdHash: fresh.session.idHash, documents: {} });
      expect(await world.stores.accounts.getPerson('p_sso')).toBeNull();
    });

    it("lets an admin delete someone with the admin's own password and withdraws the documents chosen for deletion; others may not", async () => {
      await world.person('p_ada', 'Ada Admin', 'admin');
      await world.person('p_bo', 'Bo Nabo');
      await world.person('p_karen', 'Karen Borger');
      const first = await world.document('p_karen', 'Karen Borger', 'Første', ['Et.']);
      const second = await world.document('p_karen', 'Karen Borger', 'Andet', ['Toppen af teksten.']);
      const shared = await world.document('p_karen', 'Karen Borger', 'Delt', ['Tre.'], ['p_bo']);
      await expect(
        world.selfService.deleteAccount({ actorId: 'p_bo', personId: 'p_karen', password: PASSWORD, documents: {} }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(world.selfService.exportData('p_bo', 'p_karen')).rejects.toMatchObject({ code: 'forbidden' });
      const plan = await world.selfService.deletionPlan('p_ada', 'p_karen');
      expect(plan.soleDocuments.map((document) => document.id).sort()).toEqual([first, second].sort());
      const report = await world.selfService.deleteAccount({
        actorId: 'p_ada',
        personId: 'p_karen',
        password: PASSWORD,
        documents: { each: { [second]: 'delete' } },
      });
      expect(report.handedOver.map((document) => document.id)).toEqual([first]);
      expect(report.deleted.map((document) => document.id)).toEqual([second]);
      expect(await world.documents.get(second)).toMatchObject({
        grants: [],
        visibility: 'private',
        state: 'archived',
        title: 'Slettet dokument',
      });
      // Its text is gone from the stored body, history included.
      const stored = Y.mergeUpdates((await world.stores.bodies.load(second)) ?? []);
      expect(JSON.stringify(bodyJsonOf(stored))).not.toContain('Toppen af teksten');
      expect(Buffer.from(stored).toString('latin1')).not.toContain('Toppen af teksten');
      expect(JSON.stringify(bodyJsonOf(await world.readDocumentState(first)))).toContain('Et.');
      expect((await world.documents.get(shared))?.grants).toEqual([{ subject: 'person', personId: 'p_bo', role: 'owner' }]);
    });

    it("lists one's sessions with the current one marked, ends one's own only, and ends all others", async () => {
      const karen = await world.person('p_karen', 'Karen Borger');
      await world.person('p_bo', 'Bo Nabo');
      const here = await karen.signIn(FIREFOX);
      world.now += 1000;
      const phone = await karen.signIn('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1');
      world.now += 1000;
      const third = await karen.signIn();
      const bos = await (await world.person('p_bo2', 'Bo To')).signIn();
      const sessions = await world.selfService.listSessions('p_karen', here.session.idHash);
      expect(sessions.map((session) => [session.device, session.current])).toEqual([
        [null, false],
        ['Safari · iOS', false],
        ['Firefox · Linux', true],
      ]);
      expect(JSON.stringify(sessions)).not.toContain(here.session.idHash);
      await expect(world.selfService.endSession('p_karen', sessionRef(bos.session.idHash))).rejects.toMatchObject({
        code: 'session_not_found',
      });
      expect(await world.stores.accounts.getSession(bos.session.idHash)).not.toBeNull();
      await world.selfService.endSession('p_karen', sessionRef(phone.session.idHash));
      expect(await world.stores.accounts.getSession(phone.session.idHash)).toBeNull();
      expect(await world.selfService.endOtherSessions('p_karen', here.session.idHash)).toBe(1);
      expect(await world.stores.accounts.getSession(third.session.idHash)).toBeNull();
      expect((await world.selfService.listSessions('p_karen', here.session.idHash)).map((session) => session.current)).toEqual([true]);
    });

    it('changes the name at once and the e-mail with the password when no mail is configured, answering a taken address alike', async () => {
      await world.person('p_karen', 'Karen Borger');
      await world.person('p_bo', 'Bo Nabo');
      expect((await world.selfService.changeName('p_karen', 'p_karen', 'Karen B. Borger')).name).toBe('Karen B. Borger');
      await expect(world.selfService.changeName('p_karen', 'p_karen', '')).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(
        world.selfService.requestEmailChange('p_karen', { email: 'ny@example.dk', currentPassword: 'forkert' }),
      ).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
      expect(await world.selfService.requestEmailChange('p_karen', { email: 'Ny@Example.dk', currentPassword: PASSWORD })).toEqual({
        status: 'changed',
      });
      expect((await world.stores.accounts.getPerson('p_karen'))?.email).toBe('ny@example.dk');
      expect(await world.selfService.requestEmailChange('p_karen', { email: 'p_bo@example.dk', currentPassword: PASSWORD })).toEqual({
        status: 'changed',
      });
      expect((await world.stores.accounts.getPerson('p_karen'))?.email).toBe('ny@example.dk');
      expect((await world.stores.accounts.getPerson('p_bo'))?.email).toBe('p_bo@example.dk');
    });
  });
}

function never(): never {
  throw new Error('not a person');
}

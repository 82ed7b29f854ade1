/**
 * Mentions in comments and replies, changed passages and taken-up invitations, through the real
 * comment, mention, sharing and notification services (memory stores, a real Yjs body): each event
 * tells exactly the people it should, once, and nobody who cannot read the document.
 */
import { describe, expect, it } from 'vitest';
import type { PersonActor } from '../../../lib/access/model';
import { actorOfParticipant, type Participant } from '../../../lib/comments/Participant';
import type { DocumentId } from '../../../lib/documentId';
import { createMentionService } from '../../../lib/mentions/createMentionService';
import { createNotificationService } from '../../../lib/notifications/createNotificationService';
import type { Notify } from '../../../lib/notifications/model';
import type { NotificationService } from '../../../lib/notifications/NotificationService';
import { MemoryNotificationStore } from '../../../server/notifications/MemoryNotificationStore';
import { createSharingService } from '../../../server/sharing/createSharingService';
import { MemorySharingStore } from '../../../server/sharing/MemorySharingStore';
import {
  admin,
  citizen,
  citizen2,
  commentFixture,
  commenter,
  editor,
  moderator,
  owner,
  type CommentFixture,
} from '../comments/commentFixture';

const PEOPLE = [owner, editor, commenter, citizen, citizen2, moderator, admin];
const actorOf = (who: Participant) => actorOfParticipant(who) as PersonActor;
const nameOf = (who: Participant) => (who.kind === 'person' ? who.name : '');

interface World {
  readonly f: CommentFixture;
  readonly notifications: NotificationService;
  /** What each person is shown now: `kind` per notification, newest first (only people shown something). */
  shown(): Promise<Record<string, string[]>>;
}

async function world(): Promise<World> {
  const byId = new Map(PEOPLE.map((who) => [actorOf(who).id, who]));
  const actorOfPerson = async (id: string) => {
    const who = byId.get(id);
    return who ? actorOf(who) : null;
  };
  const personName = async (id: string) => {
    const who = byId.get(id);
    return who ? nameOf(who) : null;
  };
  const late: { notifications?: NotificationService; f?: CommentFixture } = {};
  const notify: Notify = (event) => late.notifications!.notify(event);
  const mentions = createMentionService({
    documents: { get: (id) => late.f!.documents.get(id) },
    peopleOf: async (ids) =>
      new Map(ids.flatMap((id) => (byId.has(id) ? [[id, { name: nameOf(byId.get(id)!), actor: actorOf(byId.get(id)!) }] as const] : []))),
    membersOf: async () => [],
    workspaceMembersOf: async () => [],
    participantsOf: async () => [],
  });
  const f = (late.f = await commentFixture({ notify, mentions }));
  const notifications = (late.notifications = createNotificationService({
    store: new MemoryNotificationStore(),
    documents: f.documents,
    actorOfPerson,
    membersOf: async () => [],
    nameOf: personName,
    now: () => f.now,
  }));
  return {
    f,
    notifications,
    async shown() {
      const result: Record<string, string[]> = {};
      for (const who of PEOPLE) {
        const { items } = await notifications.list(actorOf(who));
        if (items.length > 0) result[actorOf(who).id] = items.map((item) => item.kind);
      }
      return result;
    },
  };
}

describe('mentions in comments and replies', () => {
  it('a comment stores the mentions of readers, refuses the rest, and tells each person mentioned once', async () => {
    const { f, shown, notifications } = await world();
    const id = await f.document({ visibility: 'private' });
    const anchor = await f.anchor(id, 'spise sammen');
    // The commenter and the editor can read the private document; the citizen cannot; p_nobody does not exist.
    const written = await f.service.create(commenter, id, {
      kind: 'comment',
      anchor,
      text: '@Erik Redaktør og @Karen Borger: hvad siger I?',
      mentions: ['p_editor', 'p_citizen', 'p_nobody', 'p_editor'],
      clientKey: 'k1',
    });
    expect(written.refusedMentions).toEqual(['p_citizen', 'p_nobody']);
    expect(written.comment.mentions).toEqual([{ id: 'p_editor', name: 'Erik Redaktør' }]);
    // The same request again (the outbox retries): nothing new, nobody told again.
    await f.service.create(commenter, id, { kind: 'comment', anchor, text: 'igen', mentions: ['p_editor'], clientKey: 'k1' });
    expect(await shown()).toEqual({ p_owner: ['comment_new'], p_editor: ['mentioned'] });
    const [item] = (await notifications.list(actorOf(editor))).items;
    expect(item).toMatchObject({
      kind: 'mentioned',
      data: { actorName: 'Carl Kommentator', mentionedIn: 'comment', commentId: written.comment.id },
    });
  });

  it('a reply with a mention tells the person mentioned and the author answered, each once', async () => {
    const { f, shown } = await world();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hvad med parkering?' })).comment;
    const reply = await f.service.reply(citizen2, id, root.id, { text: 'Enig. @Erik Redaktør?', mentions: ['p_editor'] });
    expect(reply.refusedMentions).toEqual([]);
    expect(await shown()).toEqual({
      p_owner: ['comment_new'],
      p_citizen: ['reply'],
      p_editor: ['mentioned'],
    });
  });

  it('an edit tells the people it newly mentions once; those mentioned before are not told again; removing one harms nothing', async () => {
    const { f, shown, notifications } = await world();
    const id = await f.document({ visibility: 'private' });
    const anchor = await f.anchor(id, 'spise sammen');
    const root = (await f.service.create(commenter, id, { kind: 'comment', anchor, text: '@Erik Redaktør?', mentions: ['p_editor'] }))
      .comment;
    const erik = { id: 'p_editor', name: 'Erik Redaktør' };
    const olga = { id: 'p_owner', name: 'Olga Ejer' };
    // An edit without `mentions` (a client from before) keeps them, and says nothing of refusals.
    const kept = await f.service.edit(commenter, id, root.id, { text: '@Erik Redaktør, hvad siger du?' });
    expect(kept.comment.mentions).toEqual([erik]);
    expect(kept.refusedMentions).toBeUndefined();

    // Olga is newly mentioned; the citizen cannot read the document: refused, not stored, not told.
    const edit = { text: '@Erik Redaktør, @Olga Ejer og @Karen Borger?', mentions: ['p_editor', 'p_owner', 'p_citizen'] };
    const edited = await f.service.edit(commenter, id, root.id, edit);
    expect(edited.refusedMentions).toEqual(['p_citizen']);
    expect(edited.comment.mentions).toEqual([erik, olga]);
    // The same edit again (the outbox retries): nothing changes, nobody is told again.
    expect((await f.service.edit(commenter, id, root.id, edit)).changed).toBe(false);
    expect(await shown()).toEqual({ p_owner: ['mentioned', 'comment_new'], p_editor: ['mentioned'] });

    // Erik left out, then mentioned again: stored again, but he was told of this comment already.
    const without = await f.service.edit(commenter, id, root.id, { text: '@Olga Ejer?', mentions: ['p_owner'] });
    expect(without.comment.mentions).toEqual([olga]);
    const none = await f.service.edit(commenter, id, root.id, { text: 'Ingen nævnt', mentions: [] });
    expect(none.comment.mentions).toBeUndefined();
    const back = await f.service.edit(commenter, id, root.id, { text: '@Erik Redaktør igen', mentions: ['p_editor'] });
    expect(back.comment.mentions).toEqual([erik]);
    expect(await shown()).toEqual({ p_owner: ['mentioned', 'comment_new'], p_editor: ['mentioned'] });
    const [told] = (await notifications.list(actorOf(owner))).items;
    expect(told).toMatchObject({ kind: 'mentioned', data: { actorName: 'Carl Kommentator', mentionedIn: 'comment', commentId: root.id } });

    // A reply's edit mentions as well; a bad list is refused and nothing is written.
    const reply = (await f.service.reply(editor, id, root.id, { text: 'Enig' })).comment;
    await expect(f.service.edit(editor, id, reply.id, { text: '@Olga', mentions: 'p_owner' })).rejects.toMatchObject({
      code: 'mentions_invalid',
    });
    expect((await f.service.edit(editor, id, reply.id, { text: 'Enig, @Olga Ejer', mentions: ['p_owner'] })).refusedMentions).toEqual([]);
    expect(await shown()).toEqual({
      p_owner: ['mentioned', 'mentioned', 'comment_new'],
      p_editor: ['mentioned'],
      p_commenter: ['reply'],
    });
  });

  it('a person who lost access before the delivery is not told (can() at delivery) and a list hides what they may no longer read', async () => {
    const { f, shown, notifications } = await world();
    const id = await f.document({ visibility: 'private' });
    const anchor = await f.anchor(id, 'spise sammen');
    await f.service.create(commenter, id, { kind: 'comment', anchor, text: '@Erik', mentions: ['p_editor'] });
    expect((await shown()).p_editor).toEqual(['mentioned']);
    // The editor's grant is removed: what was delivered is no longer shown.
    const meta = (await f.documents.get(id))!;
    await f.documents.setGrants(
      id,
      meta.grants.filter((grant) => !(grant.subject === 'person' && grant.personId === 'p_editor')),
    );
    expect((await notifications.list(actorOf(editor))).items).toEqual([]);
    expect(await notifications.unreadCount(actorOf(editor))).toBe(0);
  });

  it('mentions that are not a list of person ids are refused as invalid, and nothing is written', async () => {
    const { f } = await world();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    for (const mentions of ['p_editor', [42], [''], ['p editor'], Array.from({ length: 21 }, (_, i) => `p_${i}`), { id: 'p_editor' }]) {
      await expect(f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hej', mentions })).rejects.toMatchObject({
        code: 'mentions_invalid',
      });
    }
    expect((await f.store.read(id)).comments).toEqual([]);
  });
});

describe('a changed passage', () => {
  it('tells the thread’s people once a day, never the editor, and nothing when the passage did not change', async () => {
    const { f, shown } = await world();
    const id = await f.document();
    const anchor = await f.anchor(id, 'hver uge i Kulturhuset');
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hvorfor Kulturhuset?' })).comment;
    await f.service.reply(citizen2, id, root.id, { text: 'Godt spørgsmål.' });
    await f.service.reply(editor, id, root.id, { text: 'Vi ser på det.' });
    const before = await shown();

    // An edit elsewhere changes no passage.
    await f.replaceText(id, 'Alle er velkomne', 'Alle er meget velkomne');
    expect(await f.service.passagesEdited(id, ['p_editor'])).toBe(0);
    expect(await shown()).toEqual(before);

    // The editor edits the passage: the commenter and the other replier are told; the editor, who took part, is not.
    await f.replaceText(id, 'hver uge i Kulturhuset', 'hver anden uge i Kulturhuset');
    expect(await f.service.passagesEdited(id, ['p_editor'])).toBe(1);
    const after = await shown();
    expect(after.p_citizen).toEqual(['passage_changed', ...(before.p_citizen ?? [])]);
    expect(after.p_citizen2).toEqual(['passage_changed', ...(before.p_citizen2 ?? [])]);
    expect(after.p_editor).toEqual(before.p_editor);

    // Looked at again without a new change: nothing. Changed again the same day by the owner: nobody
    // told twice; the editor, who was not told of their own change, hears of this one.
    expect(await f.service.passagesEdited(id, ['p_editor'])).toBe(0);
    await f.replaceText(id, 'hver anden uge', 'hver tredje uge');
    expect(await f.service.passagesEdited(id, ['p_owner'])).toBe(1);
    expect(await shown()).toEqual({ ...after, p_editor: ['passage_changed', ...(before.p_editor ?? [])] });

    // The next day, another change tells them again.
    f.now = new Date(f.now.getTime() + 24 * 60 * 60 * 1000);
    await f.replaceText(id, 'hver tredje uge', 'hver fjerde uge');
    expect(await f.service.passagesEdited(id, ['p_owner'])).toBe(1);
    expect((await shown()).p_citizen).toEqual(['passage_changed', ...after.p_citizen!]);
  });

  it('a deleted passage counts as changed; resolved threads are left alone', async () => {
    const { f, shown } = await world();
    const id = await f.document();
    const first = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'også børn'), text: 'Ja!' })).comment;
    const second = (await f.service.create(citizen2, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Nej' }))
      .comment;
    await f.service.setResolved(editor, id, second.id, true);
    await f.deleteText(id, 'også børn');
    await f.deleteText(id, 'Kulturhuset');
    expect(await f.service.passagesEdited(id, ['p_editor'])).toBe(1);
    // The citizen (who follows since commenting) heard of the second comment before.
    expect((await shown()).p_citizen).toEqual(['passage_changed', 'comment_new']);
    expect((await shown()).p_citizen2).toBeUndefined();
    expect((await f.store.read(id)).comments.find((c) => c.id === first.id)?.passage?.text).toBe('');
  });
});

describe('an invitation taken up', () => {
  it('tells who made the link, once per person, even when the link is followed twice', async () => {
    const { f, shown, notifications } = await world();
    const id = (await f.document({ visibility: 'private', state: 'draft' })) as DocumentId;
    const sharing = createSharingService({
      store: new MemorySharingStore(),
      documents: f.documents,
      notify: (event) => notifications.notify(event),
    });
    const { token } = await sharing.createInvite(actorOf(owner), id, 'commenter', 7);
    await sharing.acceptInvite(actorOf(citizen), token);
    await sharing.acceptInvite(actorOf(citizen), token);
    expect((await shown()).p_owner).toEqual(['invited']);
    const [item] = (await notifications.list(actorOf(owner))).items;
    expect(item).toMatchObject({ data: { actorName: 'Karen Borger', role: 'commenter' } });
  });
});

/**
 * createNotificationService: each event reaches exactly the people it should (never the actor,
 * never someone who may not read the document), once per event, and lists re-check can().
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/translator';
import type { EventActor } from '../../../lib/notifications/model';
import { notificationText } from '../../../lib/notifications/notificationText';
import { startConsultationSweep } from '../../../server/notifications/startConsultationSweep';
import { documentMeta, notificationWorld, type NotificationWorld } from './notificationFixture';

const by = (personId: string | null, name = 'Someone'): EventActor => ({ personId, name });

/** Everyone in the world and what each was told, for exact comparisons. */
async function told(world: NotificationWorld, ...people: string[]): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const personId of people) result[personId] = await world.seen(personId);
  return result;
}

describe('NotificationService: who is told of what', () => {
  let world: NotificationWorld;
  const people = ['p_owner', 'p_editor', 'p_commenter', 'p_follower', 'p_stranger'];

  beforeEach(async () => {
    world = notificationWorld();
    world.documents.set(
      'doc',
      documentMeta('doc', {
        grants: [
          { subject: 'person', personId: 'p_owner', role: 'owner' },
          { subject: 'person', personId: 'p_editor', role: 'editor' },
          { subject: 'person', personId: 'p_commenter', role: 'commenter' },
          { subject: 'person', personId: 'p_follower', role: 'viewer' },
        ],
      }),
    );
    for (const id of people) world.person(id);
    await world.service.follow(world.person('p_follower'), 'doc');
  });

  it('a new comment: the owner and the followers, not the commenter, not people without access', async () => {
    await world.service.notify({
      kind: 'comment_new',
      eventId: 'comment:c_1',
      documentId: 'doc',
      actor: by('p_commenter', 'Carl'),
      commentId: 'c_1',
      threadKind: 'comment',
    });
    expect(await told(world, ...people)).toEqual({
      p_owner: ['comment_new:doc'],
      p_editor: [],
      p_commenter: [],
      p_follower: ['comment_new:doc'],
      p_stranger: [],
    });
    const [item] = (await world.service.list(world.person('p_owner'))).items;
    expect(item).toMatchObject({ read: false, documentTitle: 'Dokument doc', data: { actorName: 'Carl', threadKind: 'comment' } });
  });

  it('a commenter follows the document from then on, and hears of the next comment', async () => {
    const event = { kind: 'comment_new', documentId: 'doc', commentId: 'c', threadKind: 'suggestion' } as const;
    await world.service.notify({ ...event, eventId: 'comment:c_1', actor: by('p_commenter') });
    await world.service.notify({ ...event, eventId: 'comment:c_2', actor: by('p_editor') });
    await world.service.notify({ ...event, eventId: 'comment:c_3', actor: by('p_commenter') });
    // Each heard of the other's comment after their own first one, never of their own.
    expect(await told(world, 'p_commenter', 'p_editor')).toEqual({ p_commenter: ['comment_new:doc'], p_editor: ['comment_new:doc'] });
    expect(await world.service.following(world.person('p_commenter'), 'doc')).toEqual({ following: true, implicit: true });
  });

  it('the actor is never told, also when they own the document', async () => {
    await world.service.notify({
      kind: 'comment_new',
      eventId: 'comment:c_1',
      documentId: 'doc',
      actor: by('p_owner'),
      commentId: 'c_1',
      threadKind: 'comment',
    });
    expect(await told(world, 'p_owner', 'p_follower')).toEqual({ p_owner: [], p_follower: ['comment_new:doc'] });
  });

  it('a reply: the authors of the parent and the thread, not the other followers', async () => {
    await world.service.notify({
      kind: 'reply',
      eventId: 'comment:r_1',
      documentId: 'doc',
      actor: by('p_editor'),
      commentId: 'r_1',
      authorIds: ['p_commenter', 'p_follower'],
    });
    expect(await told(world, ...people)).toEqual({
      p_owner: [],
      p_editor: [],
      p_commenter: ['reply:doc'],
      p_follower: ['reply:doc'],
      p_stranger: [],
    });
  });

  it('an answer or a decision: the comment’s author only; a guest’s comment tells nobody', async () => {
    await world.service.notify({
      kind: 'answered',
      eventId: 'answer:c_1:1',
      documentId: 'doc',
      actor: by('p_editor'),
      commentId: 'c_1',
      authorId: 'p_commenter',
      answerStatus: 'partly',
    });
    await world.service.notify({
      kind: 'answered',
      eventId: 'decision:c_2:1',
      documentId: 'doc',
      actor: by('p_editor'),
      commentId: 'c_2',
      authorId: null,
      decision: 'accepted',
    });
    expect(await told(world, ...people)).toEqual({
      p_owner: [],
      p_editor: [],
      p_commenter: ['answered:doc'],
      p_follower: [],
      p_stranger: [],
    });
  });

  it('a moderation: the comment’s author, with the ground', async () => {
    await world.service.notify({
      kind: 'moderated',
      eventId: 'moderation:m_1',
      documentId: 'doc',
      actor: by('p_owner', 'Mo'),
      commentId: 'c_1',
      authorId: 'p_commenter',
      moderation: 'hide',
      ground: 'spam',
    });
    const { items } = await world.service.list(world.person('p_commenter'));
    expect(items.map((item) => [item.kind, item.data.moderation, item.data.ground])).toEqual([['moderated', 'hide', 'spam']]);
    expect(await told(world, 'p_owner', 'p_editor', 'p_follower')).toEqual({ p_owner: [], p_editor: [], p_follower: [] });
  });

  it('a phase change and a publication: the followers', async () => {
    await world.service.notify({
      kind: 'phase_changed',
      eventId: 'phase:doc:1',
      documentId: 'doc',
      actor: by('p_editor'),
      from: 'draft',
      to: 'consultation',
    });
    await world.service.notify({ kind: 'published', eventId: 'version:doc:1', documentId: 'doc', actor: by('p_owner'), version: 1 });
    expect(await told(world, ...people)).toEqual({
      p_owner: ['phase_changed:doc'],
      p_editor: [],
      p_commenter: [],
      p_follower: ['published:doc', 'phase_changed:doc'],
      p_stranger: [],
    });
  });

  it('access granted: the people granted and each member of an organisation granted, not the granter', async () => {
    world.members.set('o_1', ['p_member', 'p_owner']);
    world.grant(
      'doc',
      { subject: 'person', personId: 'p_new', role: 'editor' },
      { subject: 'organisation', organisationId: 'o_1', role: 'viewer' },
    );
    world.person('p_new');
    world.people.set('p_member', { ...world.person('p_member'), organisationIds: ['o_1'] });
    await world.service.notify({
      kind: 'access_granted',
      eventId: 'grant:doc:1',
      documentId: 'doc',
      actor: by('p_owner'),
      personIds: ['p_new'],
      organisationIds: ['o_1'],
      role: 'editor',
    });
    expect(await told(world, 'p_new', 'p_member', 'p_owner', 'p_follower')).toEqual({
      p_new: ['access_granted:doc'],
      p_member: ['access_granted:doc'],
      p_owner: [],
      p_follower: [],
    });
  });

  it('an access request: the owners only (who may manage access), not other followers', async () => {
    await world.service.notify({
      kind: 'access_requested',
      eventId: 'request:r_1',
      documentId: 'doc',
      actor: by('p_follower'),
      requestId: 'r_1',
    });
    expect(await told(world, ...people)).toEqual({
      p_owner: ['access_requested:doc'],
      p_editor: [],
      p_commenter: [],
      p_follower: [],
      p_stranger: [],
    });
    // No longer an owner: the request is no longer shown to them.
    world.revoke('doc', 'p_owner');
    world.grant('doc', { subject: 'person', personId: 'p_owner', role: 'editor' });
    expect(await world.seen('p_owner')).toEqual([]);
  });

  it('one event, one notification per person: a repeat or a retry adds nothing', async () => {
    const event = {
      kind: 'comment_new',
      eventId: 'comment:c_1',
      documentId: 'doc',
      actor: by('p_commenter'),
      commentId: 'c_1',
      threadKind: 'comment',
    } as const;
    await world.service.notify(event);
    await world.service.notify(event);
    await Promise.all([world.service.notify(event), world.service.notify(event)]);
    expect(await told(world, 'p_owner', 'p_follower')).toEqual({ p_owner: ['comment_new:doc'], p_follower: ['comment_new:doc'] });
  });

  it('someone who lost access is not told, and no longer sees what they were told before', async () => {
    const comment = (n: number) =>
      world.service.notify({
        kind: 'comment_new',
        eventId: `comment:c_${n}`,
        documentId: 'doc',
        actor: by('p_commenter'),
        commentId: `c_${n}`,
        threadKind: 'comment',
      });
    await comment(1);
    expect(await world.service.unreadCount(world.person('p_follower'))).toBe(1);
    world.revoke('doc', 'p_follower');
    await comment(2);
    expect(await world.service.list(world.person('p_follower'))).toEqual({ unread: 0, items: [] });
    expect(await world.service.unreadCount(world.person('p_follower'))).toBe(0);
    // Not delivered while they could not read it: regaining access shows only the first.
    world.grant('doc', { subject: 'person', personId: 'p_follower', role: 'viewer' });
    expect((await world.service.list(world.person('p_follower'))).items.map((item) => item.data.commentId)).toEqual(['c_1']);
  });

  it('a disabled person is told nothing and shown nothing', async () => {
    world.people.set('p_owner', { ...world.person('p_owner'), disabled: true });
    await world.service.notify({ kind: 'published', eventId: 'version:doc:1', documentId: 'doc', actor: by('p_editor'), version: 1 });
    world.people.set('p_owner', { ...world.person('p_owner'), disabled: false });
    expect(await world.seen('p_owner')).toEqual([]);
  });

  it('an owner who unfollowed hears of no new comments, but still of replies to their own', async () => {
    await world.service.unfollow(world.person('p_owner'), 'doc');
    expect(await world.service.following(world.person('p_owner'), 'doc')).toEqual({ following: false, implicit: false });
    await world.service.notify({
      kind: 'comment_new',
      eventId: 'comment:c_1',
      documentId: 'doc',
      actor: by('p_commenter'),
      commentId: 'c_1',
      threadKind: 'comment',
    });
    await world.service.notify({
      kind: 'reply',
      eventId: 'comment:r_1',
      documentId: 'doc',
      actor: by('p_commenter'),
      commentId: 'r_1',
      authorIds: ['p_owner'],
    });
    expect(await world.seen('p_owner')).toEqual(['reply:doc']);
  });

  it('an event about a document that does not exist tells nobody', async () => {
    await world.service.notify({ kind: 'published', eventId: 'version:gone:1', documentId: 'gone', actor: by(null), version: 1 });
    expect(await told(world, ...people)).toEqual(Object.fromEntries(people.map((p) => [p, []])));
  });
});

describe('NotificationService: reading and following', () => {
  let world: NotificationWorld;

  beforeEach(async () => {
    world = notificationWorld();
    world.documents.set('doc', documentMeta('doc'));
    world.documents.set('open', documentMeta('open', { visibility: 'public', createdBy: { id: 'p_admin', name: 'Admin' }, grants: [] }));
    world.person('p_owner');
    for (let n = 1; n <= 3; n++)
      await world.service.notify({ kind: 'published', eventId: `version:doc:${n}`, documentId: 'doc', actor: by('p_x'), version: n });
  });

  it('lists newest first with the unread count; marks chosen ones, then all, read', async () => {
    const owner = world.person('p_owner');
    const first = await world.service.list(owner);
    expect(first.unread).toBe(3);
    expect(first.items.map((item) => item.data.version)).toEqual([3, 2, 1]);
    expect(await world.service.markRead(owner, [first.items[2]!.id, 'n_unknown'])).toBe(1);
    const second = await world.service.list(owner);
    expect(second.unread).toBe(2);
    expect(second.items.map((item) => item.read)).toEqual([false, false, true]);
    expect((await world.service.list(owner, { unreadOnly: true })).items.map((item) => item.data.version)).toEqual([3, 2]);
    expect((await world.service.list(owner, { limit: 1 })).items).toHaveLength(1);
    expect(await world.service.markRead(owner, 'all')).toBe(2);
    expect(await world.service.unreadCount(owner)).toBe(0);
  });

  it('marks only the person’s own notifications read', async () => {
    const ids = (await world.service.list(world.person('p_owner'))).items.map((item) => item.id);
    expect(await world.service.markRead(world.person('p_someone'), ids)).toBe(0);
    expect(await world.service.unreadCount(world.person('p_owner'))).toBe(3);
  });

  it('anyone who can read may follow; a document they cannot read is not found', async () => {
    const reader = world.person('p_reader');
    expect(await world.service.following(reader, 'open')).toEqual({ following: false, implicit: true });
    expect(await world.service.follow(reader, 'open')).toEqual({ following: true, implicit: false });
    await world.service.notify({ kind: 'published', eventId: 'version:open:1', documentId: 'open', actor: by('p_admin'), version: 1 });
    expect(await world.seen('p_reader')).toEqual(['published:open']);
    await expect(world.service.follow(reader, 'doc')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(world.service.following(reader, 'missing')).rejects.toMatchObject({ kind: 'not_found' });
    expect(await world.service.unfollow(reader, 'open')).toEqual({ following: false, implicit: false });
    await world.service.notify({ kind: 'published', eventId: 'version:open:2', documentId: 'open', actor: by('p_admin'), version: 2 });
    expect(await world.seen('p_reader')).toEqual(['published:open']);
  });

  it('the owner follows implicitly until they choose otherwise', async () => {
    expect(await world.service.following(world.person('p_owner'), 'doc')).toEqual({ following: true, implicit: true });
  });
});

describe('consultations opening and closing by their dates', () => {
  it('tells the followers once when the dates fall, however often the clock is looked at', async () => {
    const world = notificationWorld();
    world.documents.set(
      'hoering',
      documentMeta('hoering', {
        state: 'consultation',
        visibility: 'public',
        consultation: { ...documentMeta('x').consultation, opensAt: '2026-12-01T12:00:00.000Z', closesAt: '2026-12-03T12:00:00.000Z' },
      }),
    );
    world.documents.set(
      'kladde',
      documentMeta('kladde', { consultation: { ...documentMeta('x').consultation, opensAt: '2026-12-01T12:00:00.000Z' } }),
    );
    world.person('p_owner');
    await world.service.follow(world.person('p_reader'), 'hoering');
    let clock = Date.parse('2026-12-01T11:00:00.000Z');
    const sweep = startConsultationSweep({
      documents: { list: async () => [...world.documents.values()] },
      notify: world.service.notify,
      intervalMs: 3_600_000,
      catchUpMs: 3_600_000,
      now: () => new Date(clock),
    });
    try {
      await sweep.sweep();
      expect(await world.seen('p_reader')).toEqual([]);
      clock = Date.parse('2026-12-01T12:00:00.000Z');
      await sweep.sweep();
      await sweep.sweep();
      clock = Date.parse('2026-12-02T00:00:00.000Z');
      await sweep.sweep();
      expect(await world.seen('p_reader')).toEqual(['phase_changed:hoering']);
      clock = Date.parse('2026-12-04T00:00:00.000Z');
      await sweep.sweep();
      const { items } = await world.service.list(world.person('p_reader'));
      expect(items.map((item) => notificationText(translator('da'), item))).toEqual([
        'Høringen om “Dokument hoering” er lukket for kommentarer.',
        'Høringen om “Dokument hoering” er åbnet: du kan kommentere nu.',
      ]);
      // The owner (an implicit follower) too; the document in draft told nobody.
      expect(await world.seen('p_owner')).toEqual(['phase_changed:hoering', 'phase_changed:hoering']);
      // A new sweep after a restart that reaches back over the same dates: nothing twice.
      const again = startConsultationSweep({
        documents: { list: async () => [...world.documents.values()] },
        notify: world.service.notify,
        intervalMs: 3_600_000,
        catchUpMs: 7 * 86_400_000,
        now: () => new Date(clock),
      });
      await again.sweep();
      again.stop();
      expect(await world.seen('p_reader')).toHaveLength(2);
    } finally {
      sweep.stop();
    }
  });
});

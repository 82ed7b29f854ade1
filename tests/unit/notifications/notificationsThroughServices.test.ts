/**
 * Notifications through the real services: the comment, document, sharing and version services
 * emit through their `notify` hooks into the real notification service over the file store (real
 * files), as startServer wires them. Each act tells exactly the people it should, once.
 */
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { PersonActor } from '../../../lib/access/model';
import { actorOfParticipant, type Participant } from '../../../lib/comments/Participant';
import { createDocumentActs } from '../../../lib/documents/createDocumentActs';
import type { DocumentId } from '../../../lib/documentId';
import { createNotificationService } from '../../../lib/notifications/createNotificationService';
import type { Notify } from '../../../lib/notifications/model';
import type { NotificationService } from '../../../lib/notifications/NotificationService';
import { FileNotificationStore } from '../../../server/notifications/FileNotificationStore';
import { createSharingService } from '../../../server/sharing/createSharingService';
import { MemorySharingStore } from '../../../server/sharing/MemorySharingStore';
import { createVersionService } from '../../../server/versions/createVersionService';
import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
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
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';

const tempDir = tempDirsRemovedAfterAll('notifications-services');
const PEOPLE = [owner, editor, commenter, citizen, citizen2, moderator, admin];
const actorOf = (who: Participant) => actorOfParticipant(who) as PersonActor;

interface World {
  readonly f: CommentFixture;
  readonly notifications: NotificationService;
  readonly store: FileNotificationStore;
  readonly dir: string;
  /** What each person is shown now: `kind` per notification, newest first. */
  shown(): Promise<Record<string, string[]>>;
}

function notificationServiceOver(store: FileNotificationStore, f: CommentFixture): NotificationService {
  const byId = new Map(PEOPLE.map((who) => [actorOf(who).id, who]));
  return createNotificationService({
    store,
    documents: f.documents,
    actorOfPerson: async (id) => {
      const who = byId.get(id);
      return who ? actorOf(who) : null;
    },
    membersOf: async () => [],
    nameOf: async (id) => {
      const who = byId.get(id);
      return who?.kind === 'person' ? who.name : null;
    },
    now: () => f.now,
  });
}

async function world(): Promise<World> {
  const dir = join(await tempDir(), 'records');
  const store = new FileNotificationStore({ dir });
  const late: { service?: NotificationService } = {};
  // The comment service is built first (the fixture), the notification service over its documents after.
  const notify: Notify = (event) => late.service!.notify(event);
  const f = await commentFixture({ notify });
  const notifications = (late.service = notificationServiceOver(store, f));
  return {
    f,
    notifications,
    store,
    dir,
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

describe('notifications through the real services', () => {
  it('a comment on a document tells its owner once; a repeat of the same request tells nobody again', async () => {
    const { f, shown, notifications } = await world();
    const id = await f.document();
    const anchor = await f.anchor(id, 'spise sammen');
    await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Godt forslag!', clientKey: 'k1' });
    await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Godt forslag!', clientKey: 'k1' });
    expect(await shown()).toEqual({ p_owner: ['comment_new'] });
    const [item] = (await notifications.list(actorOf(owner))).items;
    expect(item).toMatchObject({ documentId: id, documentTitle: 'Fællesspisning', read: false, data: { actorName: 'Karen Borger' } });
  });

  it('replies, answers, decisions and moderation tell the comment’s author; the commenter now follows the document', async () => {
    const { f, shown } = await world();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    const comment = (await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hvad med parkering?' })).comment;
    const suggestion = (await f.service.create(citizen2, id, { kind: 'suggestion', anchor, text: 'Bedre:', replacement: 'Medborgerhuset' }))
      .comment;
    await f.service.reply(editor, id, comment.id, { text: 'Det ser vi på.' });
    await f.service.answer(editor, id, comment.id, { status: 'partly', text: 'Vi laver ti pladser.' });
    await f.service.decide(editor, id, suggestion.id, { decision: 'accepted', reason: '' });
    await f.service.moderate(moderator, comment.id, { action: 'hide', ground: 'off_topic', reason: 'Handler ikke om forslaget.' });
    expect(await shown()).toEqual({
      p_owner: ['comment_new', 'comment_new'],
      // The editor replied: they follow now, and heard of nothing after (they acted themselves).
      p_citizen: ['moderated', 'answered', 'reply', 'comment_new'],
      p_citizen2: ['answered'],
    });
  });

  it('a phase change, a publication, an access request and its approval reach the right people', async () => {
    const { f, shown, notifications } = await world();
    const id = (await f.document({ state: 'in_review', visibility: 'private' })) as DocumentId;
    const acts = createDocumentActs(
      f.documents,
      () => f.now,
      (event) => notifications.notify(event),
    );
    const sharing = createSharingService({
      store: new MemorySharingStore(),
      documents: f.documents,
      notify: (event) => notifications.notify(event),
    });
    const versions = createVersionService({
      store: new MemoryVersionStore(),
      documents: f.documents,
      readDocumentState: async (documentId) => Y.mergeUpdates((await f.bodies.load(documentId)) ?? []),
      personOf: async (actor) => ({ id: actor.id, name: actor.id === 'p_admin' ? 'Ada Admin' : actor.id }),
      notify: (event) => notifications.notify(event),
    });
    // The commenter follows; the citizen cannot read the private document and is told nothing.
    await notifications.follow(actorOf(commenter), id);
    await expect(notifications.follow(actorOf(citizen), id)).rejects.toMatchObject({ kind: 'not_found' });
    await acts.setState(actorOf(editor), id, 'consultation');
    // Moderators and admins publish (can()).
    await versions.publish(actorOf(admin), id, { summary: 'Første udgave' });
    expect(await shown()).toEqual({ p_owner: ['published', 'phase_changed'], p_commenter: ['published', 'phase_changed'] });
    const texts = (await notifications.list(actorOf(owner))).items.map((item) => item.data);
    expect(texts).toMatchObject([
      { version: 1, actorName: 'Ada Admin' },
      { from: 'in_review', to: 'consultation', actorName: 'Erik Redaktør' },
    ]);

    // Back to draft by the owner (who is not told of their own move); the editor follows nothing.
    await acts.setState(actorOf(owner), id, 'draft');
    const request = await sharing.requestCoAuthorship(actorOf(commenter), id, 'Må jeg skrive med?');
    await sharing.decideRequest(actorOf(owner), id, request.id, 'approve');
    // The grant by the owner's share panel: the citizen gets access and is told.
    const meta = (await f.documents.get(id))!;
    await acts.setGrants(actorOf(owner), id, [...meta.grants, { subject: 'person', personId: 'p_citizen', role: 'viewer' }]);
    expect(await shown()).toEqual({
      p_owner: ['access_requested', 'published', 'phase_changed'],
      p_commenter: ['access_granted', 'phase_changed', 'published', 'phase_changed'],
      p_citizen: ['access_granted'],
    });
  });

  it('what was delivered is on disk: a new store over the same files lists it, and the event is still not delivered twice', async () => {
    const { f, store, dir } = await world();
    const id = await f.document();
    const anchor = await f.anchor(id, 'spise sammen');
    const written = await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Godt!' });
    await store.close();
    const reopened = new FileNotificationStore({ dir });
    const again = notificationServiceOver(reopened, f);
    expect((await again.list(actorOf(owner))).items.map((item) => item.data.commentId)).toEqual([written.comment.id]);
    await again.notify({
      kind: 'comment_new',
      eventId: `comment:${written.comment.id}`,
      documentId: id,
      actor: { personId: 'p_citizen', name: 'Karen Borger' },
      commentId: written.comment.id,
      threadKind: 'comment',
    });
    expect(await again.unreadCount(actorOf(owner))).toBe(1);
    await reopened.close();
  });

  it('a failing notification hook never fails the act', async () => {
    const f = await commentFixture({ notify: () => Promise.reject(new Error('notifications are down')) });
    const id = await f.document();
    const anchor = await f.anchor(id, 'spise sammen');
    const written = await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Godt!' });
    expect(written.changed).toBe(true);
    expect((await f.service.list(citizen, id)).comments.map((c) => c.id)).toEqual([written.comment.id]);
  });
});

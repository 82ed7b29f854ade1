import type { Action } from '../access/model';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { Follow, NotificationEvent, NotificationKind } from './model';

/**
 * Who follows the document: those who chose to or commented (a `following: true` record), and its
 * owners (person grants) and creator unless they unfollowed. People granted editor or owner later
 * follow by a record (createNotificationService), as commenters do. The demo documents nobody owns have
 * only their explicit followers.
 */
export function followersOf(meta: DocumentMeta, follows: readonly Follow[]): Set<string> {
  const unfollowed = new Set(follows.filter((f) => !f.following).map((f) => f.personId));
  const followers = new Set(follows.filter((f) => f.following).map((f) => f.personId));
  const implicit = [
    meta.createdBy.id,
    ...meta.grants.flatMap((grant) => (grant.subject === 'person' && grant.role === 'owner' ? [grant.personId] : [])),
  ];
  for (const personId of implicit) if (personId && !unfollowed.has(personId)) followers.add(personId);
  return followers;
}

/** The people who manage the document's access: its owners, people and members of owning organisations. */
async function ownersOf(meta: DocumentMeta, membersOf: (organisationId: string) => Promise<readonly string[]>): Promise<string[]> {
  const owners: string[] = [];
  for (const grant of meta.grants) {
    if (grant.role !== 'owner') continue;
    if (grant.subject === 'person') owners.push(grant.personId);
    else owners.push(...(await membersOf(grant.organisationId)));
  }
  return owners;
}

/**
 * Who an event is for, before the actor is left out and can() is asked: each person once.
 * - a new comment or suggestion, a phase change, a publication: the document's followers;
 * - a reply: the authors of the comment answered and of the thread's first comment;
 * - an answer, a decision, a moderation: the comment's author;
 * - access granted: the people granted, and each member of an organisation granted;
 * - an access request: the document's owners;
 * - a mention: the people mentioned;
 * - a changed passage: the thread's people, but not those who edited;
 * - an invitation taken up: who made the link.
 * Replies do not go to every follower: a thread's back-and-forth concerns those in it.
 */
export async function recipientsOf(
  event: NotificationEvent,
  meta: DocumentMeta,
  follows: readonly Follow[],
  membersOf: (organisationId: string) => Promise<readonly string[]>,
): Promise<Set<string>> {
  switch (event.kind) {
    case 'comment_new':
    case 'phase_changed':
    case 'published':
      return followersOf(meta, follows);
    case 'reply':
      return new Set(event.authorIds);
    case 'answered':
    case 'moderated':
      return new Set(event.authorId === null ? [] : [event.authorId]);
    case 'access_granted': {
      const people = new Set(event.personIds);
      for (const organisationId of event.organisationIds) for (const member of await membersOf(organisationId)) people.add(member);
      return people;
    }
    case 'access_requested':
      return new Set(await ownersOf(meta, membersOf));
    case 'mentioned':
      return new Set(event.personIds);
    case 'passage_changed': {
      const editors = new Set(event.editorIds);
      return new Set(event.personIds.filter((personId) => !editors.has(personId)));
    }
    case 'invited':
      return new Set([event.inviterId]);
  }
}

/** What a recipient must be allowed on the document to be told (at delivery) and shown (at display). */
export function requiredAction(kind: NotificationKind): Action {
  return kind === 'access_requested' ? 'manage_access' : 'view';
}

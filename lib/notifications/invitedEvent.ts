import type { Actor } from '../access/model';
import type { Invite } from '../sharing/SharingStore';
import { eventActorOfActor } from './documentEvents';
import type { NotificationEvent } from './model';

/** An invitation link taken up: for whoever made it (the event id names the link and the person, so accepting twice tells once). */
export function invitedEvent(actor: Actor, invite: Invite, accepterId: string): NotificationEvent {
  return {
    kind: 'invited',
    eventId: `invite:${invite.id}:${accepterId}`,
    documentId: invite.documentId,
    actor: eventActorOfActor(actor),
    inviterId: invite.createdBy,
    role: invite.role,
  };
}

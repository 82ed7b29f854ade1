/**
 * Who acts on comments, as the comment service needs them: the Actor that can() judges, the name
 * others see, the organisation a person writes on behalf of, and the client's address (guests are
 * rate-limited per IP). The HTTP adapter builds one per request (app/_server/readParticipant.ts).
 */
import type { Actor, GuestActor, PersonActor } from '../access/model';
import type { AuthorKey, AuthorRef } from './model';

export type Participant =
  | {
      readonly kind: 'person';
      readonly actor: PersonActor;
      /** The person's own name (without the organisation). */
      readonly name: string;
      /** The organisation they act for right now, if any. */
      readonly organisation: { readonly id: string; readonly name: string } | null;
      readonly ip: string;
    }
  | { readonly kind: 'guest'; readonly actor: GuestActor; readonly ip: string }
  | { readonly kind: 'anonymous'; readonly ip: string };

export function actorOfParticipant(who: Participant): Actor {
  return who.kind === 'anonymous' ? { kind: 'anonymous' } : who.actor;
}

/** `person:<id>` / `guest:<id>`; null for anonymous visitors, who write nothing. */
export function keyOfParticipant(who: Participant): AuthorKey | null {
  return who.kind === 'anonymous' ? null : `${who.kind}:${who.actor.id}`;
}

/** The author record stored with what they write. */
export function authorRefOf(who: Exclude<Participant, { kind: 'anonymous' }>): AuthorRef {
  if (who.kind === 'guest') return { kind: 'guest', id: who.actor.id, name: who.actor.displayName };
  return { kind: 'person', id: who.actor.id, name: who.name, ...(who.organisation && { organisation: { ...who.organisation } }) };
}

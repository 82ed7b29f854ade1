/**
 * The one access gate of the services: load the resource, decide with can(), and answer "not found"
 * when the actor may not even view it (its existence is not revealed) or "forbidden" when they may
 * view but not act. Services call it with their own loader and, where their callers expect their own
 * refusals (SharingError, CommentError), their own refusal factories; nothing is taken on trust from
 * the caller.
 */
import { can } from './can';
import type { AccessDecision, DenyReason } from './decision';
import type { Action, Actor, Resource } from './model';
import { DomainError } from '../errors/DomainError';

export interface GateRefusals {
  /** The resource is missing (`exists` false) or the actor may not view it. */
  hidden(exists: boolean): Error;
  /** The actor may view the resource but not do the action; `reason` is can()'s. */
  denied(reason: DenyReason): Error;
}

export const DEFAULT_REFUSALS: GateRefusals = {
  hidden: () => new DomainError('not_found', 'not_found', 'no such document, or not visible to the actor'),
  denied: (reason) => new DomainError('forbidden', 'forbidden', `not allowed: ${reason}`),
};

export type GateVerdict =
  { readonly pass: true } | { readonly pass: false; readonly refusal: 'hidden' | 'denied'; readonly reason: DenyReason };

/** The decision alone, for a resource already loaded (null: there is none). */
export function judge(actor: Actor, action: Action, resource: Resource | null): GateVerdict {
  if (!resource) return { pass: false, refusal: 'hidden', reason: 'not_applicable' };
  const view: AccessDecision = can(actor, 'view', resource);
  if (!view.allowed) return { pass: false, refusal: 'hidden', reason: view.reason };
  if (action === 'view') return { pass: true };
  const decision = can(actor, action, resource);
  return decision.allowed ? { pass: true } : { pass: false, refusal: 'denied', reason: decision.reason };
}

export interface GateRequest<T, R extends Resource> {
  readonly actor: Actor;
  readonly action: Action;
  /** Null when there is no such thing. */
  readonly load: () => Promise<T | null>;
  /** What can() judges of what was loaded. */
  readonly resourceOf: (found: T) => R;
  readonly refuse?: Partial<GateRefusals>;
}

/** What was loaded and its resource, when the actor may do the action; otherwise the refusal is thrown. */
export async function passGate<T, R extends Resource>(request: GateRequest<T, R>): Promise<{ found: T; resource: R }> {
  const found = await request.load();
  const resource = found === null ? null : request.resourceOf(found);
  const verdict = judge(request.actor, request.action, resource);
  if (verdict.pass && found !== null && resource !== null) return { found, resource };
  const refuse = { ...DEFAULT_REFUSALS, ...request.refuse };
  if (verdict.pass || verdict.refusal === 'hidden') throw refuse.hidden(found !== null);
  throw refuse.denied(verdict.reason);
}

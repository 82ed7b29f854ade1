/**
 * The pure data operations shared by MemorySharingStore and LowSharingStore: each takes the data
 * and returns the next data (never mutated) and a result, so both stores keep the same contract.
 */
import {
  PendingRequestExistsError,
  type CoAuthorRequest,
  type CoAuthorRequestPatch,
  type Invite,
  type InvitePatch,
} from '../../lib/sharing/SharingStore';

export interface SharingData {
  invites: Record<string, Invite>;
  requests: Record<string, CoAuthorRequest>;
}

export const emptySharingData = (): SharingData => ({ invites: {}, requests: {} });

const byCreation = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);

const own = <T>(record: Record<string, T>, id: string): T | undefined => (Object.hasOwn(record, id) ? record[id] : undefined);

export const findInvite = (data: SharingData, id: string): Invite | null => own(data.invites, id) ?? null;

export const findInviteByHash = (data: SharingData, tokenHash: string): Invite | null =>
  Object.values(data.invites).find((invite) => invite.tokenHash === tokenHash) ?? null;

export const invitesOf = (data: SharingData, documentId: string): Invite[] =>
  Object.values(data.invites)
    .filter((invite) => invite.documentId === documentId)
    .sort(byCreation);

export const findRequest = (data: SharingData, id: string): CoAuthorRequest | null => own(data.requests, id) ?? null;

export const requestsOf = (data: SharingData, documentId: string): CoAuthorRequest[] =>
  Object.values(data.requests)
    .filter((request) => request.documentId === documentId)
    .sort(byCreation);

export function addInvite(data: SharingData, invite: Invite): SharingData {
  if (own(data.invites, invite.id)) throw new Error(`an invite with id ${invite.id} exists already`);
  return { ...data, invites: { ...data.invites, [invite.id]: structuredClone(invite) } };
}

export function patchInvite(data: SharingData, id: string, patch: InvitePatch): { data: SharingData; result: Invite | null } {
  const invite = own(data.invites, id);
  if (!invite) return { data, result: null };
  const updated: Invite = { ...invite, ...patch };
  return { data: { ...data, invites: { ...data.invites, [id]: updated } }, result: updated };
}

export function countInviteUse(data: SharingData, id: string): { data: SharingData; result: Invite | null } {
  const invite = own(data.invites, id);
  if (!invite) return { data, result: null };
  const updated: Invite = { ...invite, uses: invite.uses + 1 };
  return { data: { ...data, invites: { ...data.invites, [id]: updated } }, result: updated };
}

export function addRequest(data: SharingData, request: CoAuthorRequest): SharingData {
  if (own(data.requests, request.id)) throw new Error(`a request with id ${request.id} exists already`);
  const pending = Object.values(data.requests).some(
    (other) => other.documentId === request.documentId && other.personId === request.personId && other.state === 'pending',
  );
  if (pending) throw new PendingRequestExistsError('a pending request from this person exists for this document');
  return { ...data, requests: { ...data.requests, [request.id]: structuredClone(request) } };
}

export function patchRequest(
  data: SharingData,
  id: string,
  patch: CoAuthorRequestPatch,
): { data: SharingData; result: CoAuthorRequest | null } {
  const request = own(data.requests, id);
  if (!request) return { data, result: null };
  const updated: CoAuthorRequest = { ...request, ...patch };
  return { data: { ...data, requests: { ...data.requests, [id]: updated } }, result: updated };
}

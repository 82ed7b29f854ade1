/**
 * THE decision about a sync connection, taken once at the WebSocket upgrade (and again when
 * someone's access shrinks): who is connecting, with which access, and whether an unknown
 * document is to be created. A session cookie is judged by can() like every HTTP request; a sync
 * token (embedding) carries its access itself. Pure apart from the injected lookups.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, DocumentResource } from '../access/model';
import { syncAccessFor } from '../access/syncAccessFor';
import { Close, type CloseReason } from '../protocol';
import { isValidDocumentId } from '../documentId';
import { t } from '../i18n/t';
import { colourFor } from './colourFor';
import { SESSION_COOKIE, readCookie } from './sessionCookie';
import { verifySyncToken, type Access } from './syncToken';

export interface SyncActor {
  readonly id: string;
  /** Shown to others in presence; the client cannot choose another one. */
  readonly name: string;
  /** #rrggbb caret colour. */
  readonly color: string;
  /**
   * Set for connections made with a session (its cookie, or a token minted for it): what
   * revocation looks connections up by. `id` only for cookie connections; token ones have the hash.
   */
  readonly session?: { readonly personId: string; readonly idHash: string; readonly id?: string; readonly maxAccess?: Access };
  /** Set for signed-out readers (no session, no token): re-checked as such when a document's access changes. */
  readonly anonymous?: true;
}

/** A session the cookie resolved to. */
export interface SessionPrincipal {
  readonly actor: Actor;
  /** "Navn" or "Navn (Organisation)". */
  readonly label: string;
  readonly personId: string;
  readonly sessionIdHash: string;
}

export interface SyncRequest {
  readonly documentId: string;
  /** The raw Cookie header of the upgrade request. */
  readonly cookieHeader?: string;
  /** `?token=` as given; an empty string counts as a (bad) token. */
  readonly token?: string;
}

export interface AuthorizeSyncDeps {
  readonly secret: string;
  /** The document's access resource, or null when it does not exist. */
  documentResource(documentId: string): Promise<DocumentResource | null>;
  /** Null for a missing, forged or expired session, or a disabled person. */
  resolveSession(sessionId: string): Promise<SessionPrincipal | null>;
  /** The same by the session id's hash (session-bound tokens); without it such tokens are refused. */
  resolveSessionByHash?(idHash: string): Promise<SessionPrincipal | null>;
}

export type SyncDecision =
  | {
      readonly ok: true;
      readonly actor: SyncActor;
      readonly access: Access;
      /** Present when an edit token names a document that does not exist yet: create it first. */
      readonly create?: { readonly title?: string };
    }
  | { readonly ok: false; readonly close: CloseReason };

const refuse = (close: CloseReason): SyncDecision => ({ ok: false, close });

export async function authorizeSync(request: SyncRequest, deps: AuthorizeSyncDeps): Promise<SyncDecision> {
  const { documentId } = request;
  if (!isValidDocumentId(documentId)) return refuse(Close.badDocumentId);

  // A token is an explicit statement by another platform; it wins over whatever cookie the browser sends.
  if (request.token !== undefined) {
    const verified = await verifySyncToken(request.token, deps.secret);
    if (!verified.ok) return refuse(Close.invalidToken);
    const { claims } = verified;
    if (claims.doc !== documentId) return refuse(Close.wrongDocument);
    if (claims.sid !== undefined) return authorizeSessionToken(documentId, claims.sid, claims.sub, claims.access, deps);
    const actor: SyncActor = { id: claims.sub, name: claims.name, color: colourFor(claims.sub) };
    if ((await deps.documentResource(documentId)) !== null) return { ok: true, actor, access: claims.access };
    // Only an edit token may bring a document into being (another platform creating and embedding it).
    if (claims.access !== 'edit') return refuse(Close.notFound);
    return { ok: true, actor, access: 'edit', create: claims.title === undefined ? {} : { title: claims.title } };
  }

  let cookie: string | undefined;
  try {
    cookie = readCookie(request.cookieHeader, SESSION_COOKIE);
  } catch {
    // A malformed Cookie header is no session, not a server error.
    cookie = undefined;
  }
  // A cookie that does not resolve (forged, expired, signed out, disabled) is refused, not read as
  // "signed out": the browser believes it is signed in, and 4401 tells it to sign in again.
  const principal = cookie === undefined || cookie === '' ? null : await deps.resolveSession(cookie);
  if (cookie && !principal) return refuse(Close.unauthenticated);
  const resource = await deps.documentResource(documentId);
  if (!resource) return refuse(Close.notFound);
  const actor: Actor = principal?.actor ?? { kind: 'anonymous' };
  const access = syncAccessFor(actor, resource);
  if (!access) return refuse(principal ? Close.forbidden : Close.unauthenticated);
  if (!principal || !cookie) {
    const id = `anon_${randomUUID()}`;
    return { ok: true, actor: { id, name: t('presence.reader'), color: colourFor(id), anonymous: true }, access };
  }
  return {
    ok: true,
    access,
    actor: {
      id: principal.personId,
      name: principal.label,
      color: colourFor(principal.personId),
      session: { personId: principal.personId, idHash: principal.sessionIdHash, id: cookie },
    },
  };
}

const ACCESS_RANK: Record<Access, number> = { view: 0, comment: 1, edit: 2 };

/** The weaker of two accesses. */
export function lesserAccess(a: Access, b: Access): Access {
  return ACCESS_RANK[a] <= ACCESS_RANK[b] ? a : b;
}

/**
 * A token the app minted for a signed-in browser: the session it names must still be live and
 * belong to the token's subject, and can() decides the access now (never more than the token says).
 */
export async function authorizeSessionToken(
  documentId: string,
  sessionIdHash: string,
  subject: string,
  tokenAccess: Access,
  deps: AuthorizeSyncDeps,
): Promise<SyncDecision> {
  const principal = deps.resolveSessionByHash ? await deps.resolveSessionByHash(sessionIdHash) : null;
  if (!principal || principal.personId !== subject) return refuse(Close.unauthenticated);
  const resource = await deps.documentResource(documentId);
  if (!resource) return refuse(Close.notFound);
  const allowed = syncAccessFor(principal.actor, resource);
  if (!allowed) return refuse(Close.forbidden);
  return {
    ok: true,
    access: lesserAccess(allowed, tokenAccess),
    actor: {
      id: principal.personId,
      name: principal.label,
      color: colourFor(principal.personId),
      session: { personId: principal.personId, idHash: principal.sessionIdHash, maxAccess: tokenAccess },
    },
  };
}

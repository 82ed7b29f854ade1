/**
 * THE decision about a sync connection, taken once at the WebSocket upgrade (and again when
 * someone's access shrinks): who is connecting, with which access, and whether an unknown
 * document is to be created. A session cookie is judged by can() like every HTTP request; a sync
 * token (embedding) carries its access itself, capped by what the document's phase allows, and one
 * minted through the platform API counts only while its key is live and on its key's documents.
 * Pure apart from the injected lookups.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, DocumentResource } from '../access/model';
import { phaseCeiling } from '../access/phaseCeiling';
import { syncAccessFor } from '../access/syncAccessFor';
import { belongsToKey } from '../platformApi/belongsToKey';
import type { PersonRef } from '../storage/MetadataStore';
import { Close, type CloseReason } from '../protocol';
import { isValidDocumentId } from '../documentId';
import { t } from '../i18n/translator';
import { colourFor } from './colourFor';
import { SESSION_COOKIE, readCookie } from './sessionCookie';
import { verifySyncToken, type Access, type SyncTokenClaims } from './syncToken';

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
  readonly session?: {
    readonly personId: string;
    readonly idHash: string;
    readonly id?: string;
    readonly maxAccess?: Access;
    /** The organisation the person acts for at connect (their verified membership): their edits are stamped as on its behalf. */
    readonly organisationId?: string;
  };
  /** Set for signed-out readers (no session, no token): re-checked as such when a document's access changes. */
  readonly anonymous?: true;
  /**
   * Set for connections with another platform's token (no session): what it granted, judged again
   * (authorizeEmbedToken) when the document's access changes or its API key is revoked.
   */
  readonly token?: EmbedGrant;
}

/** What a token from another platform grants: its access, and the API key that minted it, if one did. */
export interface EmbedGrant {
  readonly access: Access;
  readonly kid?: string;
}

/** The claims of a token from another platform that the decision reads. */
export type EmbedClaims = Pick<SyncTokenClaims, 'sub' | 'name' | 'access' | 'title' | 'kid'>;

/** A session the cookie resolved to. */
export interface SessionPrincipal {
  readonly actor: Actor;
  /** "Navn" or "Navn (Organisation)". */
  readonly label: string;
  readonly personId: string;
  readonly sessionIdHash: string;
  /** The organisation the person acts for (lib/people/Principal.ts); absent or null when none. */
  readonly organisation?: { readonly id: string; readonly name: string } | null;
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
  /** Who created the document, or null when it does not exist; without it, API-key tokens are refused. */
  documentCreatedBy?(documentId: string): Promise<PersonRef | null>;
  /** Whether the API key exists and is not revoked; without it, API-key tokens are refused. */
  apiKeyActive?(keyId: string): Promise<boolean>;
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
    if (claims.anon) return authorizeSignedOutToken(documentId, claims, deps);
    return authorizeEmbedToken(documentId, claims, deps);
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
      session: {
        personId: principal.personId,
        idHash: principal.sessionIdHash,
        id: cookie,
        ...(principal.organisation && { organisationId: principal.organisation.id }),
      },
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
      session: {
        personId: principal.personId,
        idHash: principal.sessionIdHash,
        maxAccess: tokenAccess,
        ...(principal.organisation && { organisationId: principal.organisation.id }),
      },
    },
  };
}

/**
 * A token the app minted for a signed-out visitor: can() decides as for a reader without a cookie
 * (never more than the token says), and the connection is re-checked as such when access changes.
 */
async function authorizeSignedOutToken(documentId: string, claims: EmbedClaims, deps: AuthorizeSyncDeps): Promise<SyncDecision> {
  const resource = await deps.documentResource(documentId);
  if (!resource) return refuse(Close.notFound);
  const allowed = syncAccessFor({ kind: 'anonymous' }, resource);
  if (!allowed) return refuse(Close.unauthenticated);
  return {
    ok: true,
    access: lesserAccess(allowed, claims.access),
    actor: { id: claims.sub, name: claims.name, color: colourFor(claims.sub), anonymous: true },
  };
}

/**
 * A token from another platform (no session), at connect and again on every re-check: an API key's
 * token only while the key is live and only on a document that key's platform owns (its creator,
 * belongsToKey), never on one someone else created under the id it names; its access never above
 * what the document's phase allows (phaseCeiling: final and archived are read-only).
 */
export async function authorizeEmbedToken(documentId: string, claims: EmbedClaims, deps: AuthorizeSyncDeps): Promise<SyncDecision> {
  const { kid } = claims;
  if (kid !== undefined && !(deps.apiKeyActive && (await deps.apiKeyActive(kid)))) return refuse(Close.invalidToken);
  const actor: SyncActor = {
    id: claims.sub,
    name: claims.name,
    color: colourFor(claims.sub),
    token: kid === undefined ? { access: claims.access } : { access: claims.access, kid },
  };
  const resource = await deps.documentResource(documentId);
  if (!resource) {
    // Only an edit token may bring a document into being (another platform creating and embedding it).
    if (claims.access !== 'edit') return refuse(Close.notFound);
    return { ok: true, actor, access: 'edit', create: claims.title === undefined ? {} : { title: claims.title } };
  }
  if (kid !== undefined) {
    const createdBy = deps.documentCreatedBy ? await deps.documentCreatedBy(documentId) : null;
    if (!createdBy || !belongsToKey({ createdBy }, kid)) return refuse(Close.wrongDocument);
  }
  const ceiling = phaseCeiling(resource);
  if (!ceiling) return refuse(Close.forbidden);
  return { ok: true, actor, access: lesserAccess(claims.access, ceiling) };
}

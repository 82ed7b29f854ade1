/**
 * THE decision about a sync connection, taken once at the WebSocket upgrade: who is connecting,
 * with which access, and whether an unknown document is to be created. Pure apart from the
 * injected `documentExists`, so every branch is unit-tested without a server.
 */
import { Close, type CloseReason } from '../protocol';
import { isValidDocumentId } from '../documentId';
import { verifySyncToken, type Access } from './syncToken';
import { SESSION_COOKIE, colourFor, decodeSession, readCookie } from './session';

export interface SyncActor {
  readonly id: string;
  /** Shown to others in presence; the client cannot choose another one. */
  readonly name: string;
  /** #rrggbb caret colour. */
  readonly color: string;
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
  documentExists(documentId: string): Promise<boolean>;
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
    const actor: SyncActor = { id: claims.sub, name: claims.name, color: colourFor(claims.sub) };
    if (await deps.documentExists(documentId)) return { ok: true, actor, access: claims.access };
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
  const session = decodeSession(cookie, deps.secret);
  if (!session) return refuse(Close.unauthenticated);
  if (!(await deps.documentExists(documentId))) return refuse(Close.notFound);
  // Until accounts exist (a later issue), everyone with a session may edit existing documents.
  return { ok: true, actor: { id: session.sub, name: session.name, color: session.color }, access: 'edit' };
}

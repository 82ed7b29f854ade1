/**
 * "A document in public consultation with a staff owner and a citizen": made over HTTP (people,
 * role, visibility, settings, phase) and the sync endpoint (its body), so a browser test of the
 * consultation starts from it in a few requests and any one test runs alone. Comments, answers and
 * moderation over HTTP too, for tests that start from a thread rather than make one.
 */
import * as Y from 'yjs';
import type { Browser, BrowserContext } from 'playwright-core';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { documentText } from '../../../lib/comments/anchors/documentText';
import type { Anchor } from '../../../lib/comments/model';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { connectProvider } from '../../helpers/connectProvider';
import { waitUntil } from '../../helpers/waitUntil';
import { commentsClient, type Client } from './commentsClient';
import { createDocumentOverHttp, signedInProfile, type SignedInProfile } from './signedInProfile';
import type { AppServer } from './startAppServer';

export interface ConsultationDocument {
  readonly documentId: string;
  readonly documentUrl: string;
  /** Staff, the document's owner. */
  readonly staff: SignedInProfile;
  /** A citizen with no grant on the document. */
  readonly citizen: SignedInProfile;
  /** An anchor on `passage` of the body as written. */
  readonly anchor: (passage: string) => Anchor;
}

export interface ConsultationOptions {
  readonly adminSession: string;
  readonly title: string;
  /** The body's one paragraph (the blank template's empty paragraph, filled in). */
  readonly body: string;
  readonly staffName?: string;
  readonly citizenName?: string;
  readonly contexts?: BrowserContext[];
  readonly setUp?: (context: BrowserContext) => Promise<void>;
}

/** Sets a person's platform role as an admin would (PATCH /api/admin/people/:id). */
export async function setRoleOverHttp(server: AppServer, adminSession: string, personId: string, role: string): Promise<void> {
  const http = commentsClient(server);
  await http.ok(http.call('PATCH', `/api/admin/people/${personId}`, { as: { session: adminSession }, body: { role } }), `role ${role}`);
}

/**
 * Writes `text` into the blank template's empty paragraph over the sync endpoint, as its editor
 * would, waits until the server holds it, and returns a function making anchors on that body.
 */
export async function writeParagraph(
  server: AppServer,
  session: string,
  documentId: string,
  text: string,
): Promise<(passage: string) => Anchor> {
  const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
  const writer = connectProvider(syncUrl, documentId, { cookie: `samskriv_session=${session}` });
  try {
    await writer.synced();
    const fragment = writer.doc.getXmlFragment(BODY_FRAGMENT);
    writer.doc.transact(() => {
      const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
      if (last instanceof Y.XmlElement && last.nodeName === 'paragraph' && last.length === 0) {
        last.insert(0, [new Y.XmlText(text)]);
      } else {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        fragment.insert(fragment.length, [paragraph]);
      }
    });
  } catch (error) {
    writer.destroy();
    throw error;
  }
  const fresh = connectProvider(syncUrl, documentId, { cookie: `samskriv_session=${session}` });
  try {
    await fresh.synced();
    await waitUntil(() => documentText(fresh.doc.getXmlFragment(BODY_FRAGMENT)).text.includes(text), 'the body on the server');
    const body = new Y.Doc();
    Y.applyUpdate(body, Y.encodeStateAsUpdate(fresh.doc));
    const written = documentText(body.getXmlFragment(BODY_FRAGMENT)).text;
    return (passage: string) => {
      const from = written.indexOf(passage);
      if (from < 0) throw new Error(`no "${passage}" in the body`);
      return anchorFromRange(body, from, from + passage.length);
    };
  } finally {
    writer.destroy();
    fresh.destroy();
  }
}

/** A public document in consultation (closing in 30 days), owned by a staff member, with a citizen signed in elsewhere. */
export async function consultationDocument(
  browser: Browser,
  server: AppServer,
  options: ConsultationOptions,
): Promise<ConsultationDocument> {
  const http = commentsClient(server);
  const profile = { contexts: options.contexts, setUp: options.setUp };
  const staff = await signedInProfile(browser, server, options.staffName ?? 'Sara Stab', profile);
  await setRoleOverHttp(server, options.adminSession, staff.id, 'staff');
  const citizen = await signedInProfile(browser, server, options.citizenName ?? 'Carsten Borger', profile);
  const documentId = await createDocumentOverHttp(server, staff.session, options.title);
  const as = { session: staff.session };
  await http.ok(http.call('PUT', `/api/documents/${documentId}/visibility`, { as, body: { visibility: 'public' } }), 'public');
  const anchor = await writeParagraph(server, staff.session, documentId, options.body);
  const closesAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  await http.ok(http.call('PATCH', `/api/documents/${documentId}/consultation`, { as, body: { closesAt } }), 'closing date');
  for (const state of ['in_review', 'consultation']) {
    await http.ok(http.call('PATCH', `/api/documents/${documentId}/state`, { as, body: { state } }), `phase ${state}`);
  }
  return { documentId, documentUrl: `${server.url}/d/${documentId}`, staff, citizen, anchor };
}

/** Comments (or replies, with `parentId`) over HTTP: the new comment's id. */
export async function commentOverHttp(
  server: AppServer,
  as: Client,
  documentId: string,
  body: { anchor: Anchor; text: string } | { parentId: string; text: string },
): Promise<string> {
  const http = commentsClient(server);
  const base = `/api/documents/${documentId}/comments`;
  const answer =
    'parentId' in body
      ? await http.ok(http.call('POST', `${base}/${body.parentId}/replies`, { as, body: { text: body.text } }), 'reply')
      : await http.ok(http.call('POST', base, { as, body: { kind: 'comment', anchor: body.anchor, text: body.text } }), 'comment');
  return (answer.body!.comment as { id: string }).id;
}

/** The official answer to a comment over HTTP (status `taken`, `partly`, … as the answer form offers). */
export async function answerOverHttp(
  server: AppServer,
  as: Client,
  documentId: string,
  commentId: string,
  status: string,
  text: string,
): Promise<void> {
  const http = commentsClient(server);
  await http.ok(http.call('PUT', `/api/documents/${documentId}/comments/${commentId}/answer`, { as, body: { status, text } }), 'answer');
}

/** A moderator (or admin) hides a comment over HTTP. */
export async function hideOverHttp(server: AppServer, as: Client, commentId: string, ground: string, reason: string): Promise<void> {
  const http = commentsClient(server);
  await http.ok(http.call('POST', `/api/moderation/comments/${commentId}`, { as, body: { action: 'hide', ground, reason } }), 'hide');
}

/**
 * Whether a page request names a document (or a version of it) that its page would answer with
 * notFound(), asked by the proxy before Next.js renders anything. A notFound() thrown while a page
 * renders answers 404 with an empty `<body>`: Next.js then streams an error shell
 * (`<html id="__next_error__">`) and only the browser's script draws the not-found UI from the RSC
 * payload (vercel/next.js#62228; React's server renderer runs no error boundaries), so visitors
 * without JavaScript saw a blank page. A path that matches no route is different: Next.js renders
 * its not-found page there as HTML with status 404, and the proxy rewrites to such a path.
 *
 * The rules are the pages' own (app/_server/viewableDocument.ts, app/_public/loadPublicDocument.ts):
 * - `/p/<id>`, `/p/<id>/v/<n>`: the document exists and can() lets the visitor (the session's
 *   person, else anonymous) view it; for `/v/<n>`, version n is one of its versions;
 * - `/d/<id>` and its høringsnotat and compare pages: the document exists, and a signed-in
 *   visitor may view it (a signed-out one is asked to sign in by the page, so it is never missing here).
 */
import { judge } from '../../lib/access/gate';
import type { Actor } from '../../lib/access/model';
import { parseDocumentId } from '../../lib/documentId';
import { documentResourceOf } from '../../lib/documents/DocumentService';
import { isDomainError } from '../../lib/errors/DomainError';
import { getServices } from '../../lib/services';
import { parseVersionNumber } from '../../lib/versions/parseVersionNumber';

const PUBLIC_PAGE = /^\/p\/([^/]+)(?:\/v\/([^/]+))?$/;
const EDITOR_PAGE = /^\/d\/([^/]+)(?:\/hoeringsnotat|\/versions\/compare)?$/;
/** `/p/feed.xml` is the public feed's route, not a document's page. */
const NOT_A_DOCUMENT = new Set(['feed.xml']);

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The document ids a page path names, decoded as Next.js decodes `[id]`; null for any other path. */
function pageOf(pathname: string): { kind: 'public' | 'editor'; rawId: string; rawNumber?: string } | null {
  const publicPage = PUBLIC_PAGE.exec(pathname);
  if (publicPage) {
    const rawId = decoded(publicPage[1]!);
    const rawNumber = publicPage[2] === undefined ? undefined : decoded(publicPage[2]);
    if (rawId === null || rawNumber === null || (rawNumber === undefined && NOT_A_DOCUMENT.has(rawId))) return null;
    return { kind: 'public', rawId, rawNumber };
  }
  const editorPage = EDITOR_PAGE.exec(pathname);
  const rawId = editorPage ? decoded(editorPage[1]!) : null;
  return rawId === null ? null : { kind: 'editor', rawId };
}

/**
 * True when the page at `pathname` is the not-found page for the holder of `sessionId`; false for
 * paths that are no document page and whenever the page itself should decide (a lookup failed).
 */
export async function isMissingPage(pathname: string, sessionId: string | undefined): Promise<boolean> {
  const page = pageOf(pathname);
  if (!page) return false;
  try {
    const services = getServices();
    const id = parseDocumentId(page.rawId);
    const meta = id ? await services.documents.get(id) : null;
    if (!id || !meta) return true;
    const resource = documentResourceOf(meta);
    // What anyone may view, a signed-in person may too: the session is read only when it matters.
    let actor: Actor = { kind: 'anonymous' };
    let viewable = judge(actor, 'view', resource).pass;
    let signedIn = false;
    if (!viewable) {
      const principal = await services.resolvePrincipal(sessionId);
      if (principal) {
        actor = principal.actor;
        viewable = judge(actor, 'view', resource).pass;
        signedIn = true;
      }
    }
    if (page.kind === 'editor') return !viewable && signedIn;
    if (!viewable) return true;
    if (page.rawNumber === undefined) return false;
    const number = parseVersionNumber(page.rawNumber);
    if (number === null) return true;
    const versions = await services.versions.list(actor, id);
    return !versions.some((version) => version.number === number);
  } catch (error) {
    if (isDomainError(error) && error.kind === 'not_found') return true;
    return false;
  }
}

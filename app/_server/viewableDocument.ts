import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { judge } from '../../lib/access/gate';
import type { Actor, DocumentResource } from '../../lib/access/model';
import { parseDocumentId, type DocumentId } from '../../lib/documentId';
import { documentResourceOf } from '../../lib/documents/DocumentService';
import type { Principal } from '../../lib/people/Principal';
import { getServices } from '../../lib/services';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import { actorOf, readPrincipal } from './readPrincipal';

/** A document a page shows, and who is looking at it. */
export interface ViewedDocument {
  readonly id: DocumentId;
  readonly meta: DocumentMeta;
  readonly principal: Principal | null;
  readonly actor: Actor;
  readonly resource: DocumentResource;
}

/**
 * The page's document and visitor, looked up once per render: generateMetadata and the page ask
 * with the same raw id, and React `cache` hands the second the first one's answer.
 */
const lookUp = cache(async (rawId: string): Promise<(ViewedDocument & { readonly viewable: boolean }) | null> => {
  const id = parseDocumentId(rawId);
  const meta = id ? await getServices().documents.get(id) : null;
  if (!id || !meta) return null;
  const principal = await readPrincipal();
  const actor = actorOf(principal);
  const resource = documentResourceOf(meta);
  return { id, meta, principal, actor, resource, viewable: judge(actor, 'view', resource).pass };
});

/** The document if it exists and can() lets the visitor view it, else null (for a page's title). */
export async function findViewableDocument(id: string): Promise<ViewedDocument | null> {
  const found = await lookUp(id);
  return found?.viewable ? found : null;
}

/**
 * The document of a page at `path`, when can() lets the visitor view it: a signed-out visitor who may
 * not is asked to sign in (and sent back to `path`), a signed-in one gets the 404 (existence hidden).
 */
export async function viewableDocument(id: string, path: string): Promise<ViewedDocument> {
  const found = await lookUp(id);
  if (!found) notFound();
  if (!found.viewable) {
    if (!found.principal) redirect(`/konto/log-ind?next=${encodeURIComponent(path)}`);
    notFound();
  }
  return found;
}

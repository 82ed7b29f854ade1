/**
 * The document service, telling search of what changes an indexed document's title, phase or
 * existence (create, rename, phase, history reset). Body edits reach search through the sync
 * server's stored updates instead; grants and visibility need no notice (access is judged per search).
 */
import type { DocumentService } from '../../lib/documents/DocumentService';

export function withSearchNotices<S extends DocumentService>(documents: S, changed: (documentId: string) => void): S {
  const tell = <T extends { readonly id: string } | null>(result: T): T => {
    if (result) changed(result.id);
    return result;
  };
  const wrapped: Partial<DocumentService> = {
    create: async (input) => tell(await documents.create(input)),
    rename: async (id, title) => tell(await documents.rename(id, title)),
    setState: async (id, state) => tell(await documents.setState(id, state)),
    resetHistory: async (id) => tell(await documents.resetHistory(id)),
    // A post's tags are searchable (and filterable): the index hears of every change.
    setPostFields: async (id, patch) => tell(await documents.setPostFields(id, patch)),
  };
  return new Proxy(documents, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in wrapped) return wrapped[property as keyof DocumentService];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

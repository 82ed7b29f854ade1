/**
 * The sync socket's "comments changed" notice, passed on within the page: the editor's socket
 * hears it (listenForCommentChanges) and announces it here by document id, so parts of the page
 * outside the editor (the feedback panel) fetch the comments again without a socket of their own.
 */
type Listener = (revision: number) => void;

const listeners = new Map<string, Set<Listener>>();

export function announceCommentChange(documentId: string, revision: number): void {
  for (const listener of [...(listeners.get(documentId) ?? [])]) {
    try {
      listener(revision);
    } catch {
      // One listener's failure must not keep the notice from the others.
    }
  }
}

/** Hears the document's notices; returns the function that stops listening. */
export function onCommentChange(documentId: string, listener: Listener): () => void {
  const set = listeners.get(documentId) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(documentId, set);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(documentId) === set) listeners.delete(documentId);
  };
}

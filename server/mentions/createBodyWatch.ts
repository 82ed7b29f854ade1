/**
 * What the server learns from stored edits of a body (issue 12), debounced per document: a burst of
 * typing is looked at once, `delayMs` after its first stored update. Then
 * - each mention node that was not in the body before tells its person (`mentioned`, in the body),
 *   once: the event id names the node, so neither a later look nor a restart tells them again;
 * - the comment service compares the anchored threads' passages (passage_changed).
 * Edits by the server alone (a restored version) tell nobody of mentions: nobody wrote them now.
 */
import * as Y from 'yjs';
import type { CommentService } from '../../lib/comments/CommentService';
import { bodyMentions } from '../../lib/mentions/bodyMentions';
import type { Notify } from '../../lib/notifications/model';
import { parseDocumentId } from '../../lib/documentId';

export interface BodyWatchOptions {
  readonly delayMs: number;
  /** The document's current state (the live room's when loaded). */
  readonly readState: (documentId: string) => Promise<Uint8Array>;
  readonly notify: Notify;
  readonly comments?: Pick<CommentService, 'passagesEdited'>;
  readonly logger: { error(obj: object, msg?: string): void };
}

export interface BodyWatch {
  /** The sync server's onStored hook. */
  stored(documentId: string, personId: string | null): void;
  /** Looks at every document waiting now (shutdown, tests); resolves when done. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  readonly editors: string[];
  readonly timer: NodeJS.Timeout;
}

/** Documents whose mention nodes are remembered; beyond it the oldest are forgotten (the store's uniqueness still holds). */
const REMEMBERED_DOCUMENTS = 2000;

export function createBodyWatch(options: BodyWatchOptions): BodyWatch {
  const pending = new Map<string, Pending>();
  const known = new Map<string, Set<string>>();
  const running = new Set<Promise<void>>();
  const lastLook = new Map<string, Promise<void>>();
  let closed = false;

  function stored(documentId: string, personId: string | null): void {
    if (closed) return;
    const waiting = pending.get(documentId);
    if (waiting) {
      if (personId !== null && !waiting.editors.includes(personId)) waiting.editors.push(personId);
      return;
    }
    const timer = setTimeout(() => start(documentId), options.delayMs);
    timer.unref();
    pending.set(documentId, { editors: personId === null ? [] : [personId], timer });
  }

  function start(documentId: string): void {
    const waiting = pending.get(documentId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.delete(documentId);
    // One look at a time per document: each compares with what the one before it saw.
    const previous = lastLook.get(documentId) ?? Promise.resolve();
    const run = previous
      .then(() => look(documentId, waiting.editors))
      .catch((error: unknown) =>
        options.logger.error({ err: error, doc: documentId }, 'could not look at a stored edit for mentions and passages'),
      );
    lastLook.set(documentId, run);
    running.add(run);
    void run.finally(() => {
      running.delete(run);
      if (lastLook.get(documentId) === run) lastLook.delete(documentId);
    });
  }

  async function look(documentId: string, editors: readonly string[]): Promise<void> {
    const doc = new Y.Doc();
    let mentions;
    try {
      Y.applyUpdate(doc, await options.readState(documentId));
      mentions = bodyMentions(doc);
    } finally {
      doc.destroy();
    }
    const before = known.get(documentId);
    known.delete(documentId);
    known.set(documentId, new Set(mentions.map((mention) => mention.key)));
    if (known.size > REMEMBERED_DOCUMENTS) known.delete(known.keys().next().value!);
    const actor = editors.length > 0 ? editors[editors.length - 1]! : null;
    if (actor !== null) {
      for (const mention of mentions) {
        if (before?.has(mention.key)) continue;
        await options.notify({
          kind: 'mentioned',
          eventId: `mention:body:${documentId}:${mention.key}`,
          documentId,
          actor: { personId: actor, name: '' },
          personIds: [mention.personId],
          mentionedIn: 'body',
        });
      }
      // The sync server's rooms are named by ids it checked at the upgrade; parsed here, off its path.
      const id = parseDocumentId(documentId);
      if (id) await options.comments?.passagesEdited(id, editors);
    }
  }

  async function flush(): Promise<void> {
    for (const documentId of [...pending.keys()]) start(documentId);
    while (running.size > 0) await Promise.all([...running]);
  }

  return {
    stored,
    flush,
    async close() {
      // Edits stored from now on are not looked at; those waiting are, at once.
      closed = true;
      await flush();
    },
  };
}

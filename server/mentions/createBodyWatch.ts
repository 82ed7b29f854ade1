/**
 * What the server learns from stored edits of a body (issue 12), debounced per document: a burst of
 * typing is looked at once, `delayMs` after its first stored update. Then
 * - each mention node that one of the burst's own stored updates brought tells its person
 *   (`mentioned`, in the body), named as that update's author; the event id names the node, so a
 *   repeat tells nobody twice (the store keeps one notification per person and event);
 * - the comment service compares the anchored threads' passages (passage_changed).
 * Who wrote is the connection's author key: a person, or an API key / another platform (then the
 * notification names the key or "another platform"). The server's own writes (a restored version)
 * tell nobody of mentions: nobody wrote them now.
 *
 * Only nodes brought by this process's own stored updates count, never "what was not there at the
 * last look": in a cluster each node stores (and watches) its own clients' edits while the others'
 * arrive through Redis; a node must neither tell of those (naming the wrong person, before their
 * own node does) nor, after a restart, of every mention already in the body.
 *
 * Cost per stored update (the sync server's hot path): a map lookup and a byte scan of the update
 * for the name "mention" (mayHoldMention); only an update that has it is read for its clock ranges
 * (Y.parseUpdateMeta, that update alone). The document's state is read at the end of a burst, and
 * only when one of its updates may have created a mention node; the passages are compared only for
 * documents with anchored comments (CommentService.passagesEdited).
 */
import * as Y from 'yjs';
import type { CommentService } from '../../lib/comments/CommentService';
import { PLATFORM_AUTHOR, apiKeyIdOf, personIdOf, type AuthorKey } from '../../lib/authorship/model';
import { bodyMentions, type BodyMention } from '../../lib/mentions/bodyMentions';
import { mayHoldMention } from '../../lib/mentions/mayHoldMention';
import type { EventActor, Notify } from '../../lib/notifications/model';
import { parseDocumentId } from '../../lib/documentId';

export interface BodyWatchOptions {
  readonly delayMs: number;
  /** The document's current state (the live room's when loaded). */
  readonly readState: (documentId: string) => Promise<Uint8Array>;
  readonly notify: Notify;
  readonly comments?: Pick<CommentService, 'passagesEdited'>;
  /** An API key's name (edits through a platform token it minted); null when unknown. */
  readonly apiKeyName?: (keyId: string) => Promise<string | null>;
  readonly logger: { error(obj: object, msg?: string): void };
}

export interface BodyWatch {
  /** The sync server's onStored hook: the edit's author key (null: the server's own write) and the update stored (read only). */
  stored(documentId: string, by: AuthorKey | null, update: Uint8Array): void;
  /** Looks at every document waiting now (shutdown, tests); resolves when done. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** A stored update that may have created mention nodes: its author and the clocks it brought, per Yjs client. */
interface Written {
  readonly by: AuthorKey;
  readonly from: Map<number, number>;
  readonly to: Map<number, number>;
}

interface Pending {
  /** Author keys of the burst, each once, in the order first heard. */
  readonly authors: AuthorKey[];
  /** The burst's updates by someone that may have created mention nodes. */
  readonly written: Written[];
  readonly timer: NodeJS.Timeout;
}

export function createBodyWatch(options: BodyWatchOptions): BodyWatch {
  const pending = new Map<string, Pending>();
  const running = new Set<Promise<void>>();
  const lastLook = new Map<string, Promise<void>>();
  let closed = false;

  function stored(documentId: string, by: AuthorKey | null, update: Uint8Array): void {
    // The server's own writes (a restored version): nobody to name, nothing to look at.
    if (closed || by === null) return;
    let waiting = pending.get(documentId);
    if (!waiting) {
      const timer = setTimeout(() => start(documentId), options.delayMs);
      timer.unref();
      pending.set(documentId, (waiting = { authors: [], written: [], timer }));
    }
    if (!waiting.authors.includes(by)) waiting.authors.push(by);
    if (mayHoldMention(update)) waiting.written.push({ by, ...Y.parseUpdateMeta(update) });
  }

  function start(documentId: string): void {
    const waiting = pending.get(documentId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.delete(documentId);
    // One look at a time per document (the passages compare with what the one before stored).
    const previous = lastLook.get(documentId) ?? Promise.resolve();
    const run = previous
      .then(() => look(documentId, waiting))
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

  /** Who the notifications name for an author key: a person, an API key by its name, a platform; null for anyone else (a guest). */
  async function actorOf(by: AuthorKey): Promise<EventActor | null> {
    const personId = personIdOf(by);
    if (personId !== null) return { personId, name: '' };
    if (by === PLATFORM_AUTHOR) return { personId: null, name: '', via: 'platform' };
    const keyId = apiKeyIdOf(by);
    if (keyId !== null) return { personId: null, name: (await options.apiKeyName?.(keyId)) ?? '', via: 'api_key' };
    return null;
  }

  /** The mention nodes in the body now. */
  async function mentionsNow(documentId: string): Promise<BodyMention[]> {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await options.readState(documentId));
      return bodyMentions(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The update of the burst that brought the node, if one did (the last one, should two claim it). */
  function writerOf(burst: Pending, mention: BodyMention): Written | undefined {
    for (let i = burst.written.length - 1; i >= 0; i--) {
      const written = burst.written[i]!;
      const from = written.from.get(mention.client);
      const to = written.to.get(mention.client);
      if (from !== undefined && to !== undefined && from <= mention.clock && mention.clock < to) return written;
    }
    return undefined;
  }

  async function look(documentId: string, burst: Pending): Promise<void> {
    const actors = new Map<AuthorKey, EventActor | null>();
    const actorFor = async (by: AuthorKey) => {
      if (!actors.has(by)) actors.set(by, await actorOf(by));
      return actors.get(by)!;
    };
    if (burst.written.length > 0) {
      for (const mention of await mentionsNow(documentId)) {
        const writer = writerOf(burst, mention);
        const actor = writer && (await actorFor(writer.by));
        if (!actor) continue;
        await options.notify({
          kind: 'mentioned',
          eventId: `mention:body:${documentId}:${mention.key}`,
          documentId,
          actor,
          personIds: [mention.personId],
          mentionedIn: 'body',
        });
      }
    }
    let named = false;
    for (const by of burst.authors) if ((await actorFor(by)) !== null) named = true;
    if (!named) return;
    const editors = burst.authors.flatMap((by) => personIdOf(by) ?? []);
    // The sync server's rooms are named by ids it checked at the upgrade; parsed here, off its path.
    const id = parseDocumentId(documentId);
    if (id) await options.comments?.passagesEdited(id, editors);
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

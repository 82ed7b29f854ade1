/**
 * What the server learns from stored edits of a body (issue 12), debounced per document: a burst of
 * typing is looked at once, `delayMs` after its first stored update. Then
 * - each mention node that was not in the body before tells its person (`mentioned`, in the body),
 *   once: the event id names the node, so neither a later look nor a restart tells them again;
 * - the comment service compares the anchored threads' passages (passage_changed).
 * Who wrote is the connection's author key: a person, or an API key / another platform (then the
 * notification names the key or "a platform"). Edits by the server alone (a restored version) tell
 * nobody of mentions: nobody wrote them now.
 *
 * Cost per stored update (the sync server's hot path): a map lookup and a byte scan of the update
 * for the name "mention" (mayHoldMention), nothing else. The document's state is read only at the
 * end of a burst, and only when some update of it may have created a mention node; the passages
 * are compared only for documents with anchored comments (CommentService.passagesEdited).
 */
import * as Y from 'yjs';
import type { CommentService } from '../../lib/comments/CommentService';
import { PLATFORM_AUTHOR, apiKeyIdOf, personIdOf, type AuthorKey } from '../../lib/authorship/model';
import { bodyMentions } from '../../lib/mentions/bodyMentions';
import { mayHoldMention } from '../../lib/mentions/mayHoldMention';
import type { EventActor, Notify } from '../../lib/notifications/model';

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
  /**
   * The sync server's onStored hook: the author key of the edit (null: the server's own write) and
   * the update stored (absent: treated as one that may hold a mention).
   */
  stored(documentId: string, by: AuthorKey | null, update?: Uint8Array): void;
  /** Looks at every document waiting now (shutdown, tests); resolves when done. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  /** Author keys of the burst, each once, in the order first heard. */
  readonly authors: AuthorKey[];
  /** Some update of the burst may have created a mention node. */
  mayMention: boolean;
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

  function stored(documentId: string, by: AuthorKey | null, update?: Uint8Array): void {
    if (closed) return;
    const waiting = pending.get(documentId);
    if (waiting) {
      if (by !== null && !waiting.authors.includes(by)) waiting.authors.push(by);
      if (!waiting.mayMention) waiting.mayMention = update === undefined || mayHoldMention(update);
      return;
    }
    const timer = setTimeout(() => start(documentId), options.delayMs);
    timer.unref();
    pending.set(documentId, { authors: by === null ? [] : [by], mayMention: update === undefined || mayHoldMention(update), timer });
  }

  function start(documentId: string): void {
    const waiting = pending.get(documentId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.delete(documentId);
    // One look at a time per document: each compares with what the one before it saw.
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

  /** The mention nodes now, each key remembered; those not there at the last look. */
  async function newMentions(documentId: string) {
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
    return mentions.filter((mention) => !before?.has(mention.key));
  }

  async function look(documentId: string, burst: Pending): Promise<void> {
    // The last of the burst's authors who can be named (a person, an API key, a platform).
    let actor: EventActor | null = null;
    for (let i = burst.authors.length - 1; i >= 0 && actor === null; i--) actor = await actorOf(burst.authors[i]!);
    // Read even for a burst of server writes only: what it brought back is remembered, never told.
    const mentions = burst.mayMention ? await newMentions(documentId) : [];
    if (actor === null) return;
    for (const mention of mentions) {
      await options.notify({
        kind: 'mentioned',
        eventId: `mention:body:${documentId}:${mention.key}`,
        documentId,
        actor,
        personIds: [mention.personId],
        mentionedIn: 'body',
      });
    }
    const editors = burst.authors.flatMap((by) => personIdOf(by) ?? []);
    await options.comments?.passagesEdited(documentId, editors);
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

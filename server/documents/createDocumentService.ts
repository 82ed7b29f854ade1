/**
 * The DocumentService over a DocumentStore (bodies) and a MetadataStore (the list). New bodies
 * are built from ProseMirror JSON here, on the server, and stored durably before the metadata
 * says the document exists.
 */
import { DEFAULT_CONSULTATION } from '../../lib/access/consultation';
import { isValidDocumentId, newDocumentId } from '../../lib/documentId';
import { loadBodyTools } from '../../lib/editor/loadBodyTools';
import { templateContent } from '../../lib/documents/templates';
import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { documentResourceOf, type CreateDocumentInput, type DocumentService, type LiveBodies } from '../../lib/documents/DocumentService';
import { freshBody } from '../../lib/documents/freshBody';
import { carryAttribution } from '../../lib/authorship/carryAttribution';
import { creationStamp } from '../../lib/authorship/creationStamp';
import { historyClients } from '../../lib/documents/historyClients';
import { Close } from '../../lib/protocol';
import type { DocumentStore } from '../../lib/storage/DocumentStore';
import type { DocumentMeta, DocumentMetaPatch, MetadataStore } from '../../lib/storage/MetadataStore';

export class DocumentExistsError extends Error {
  override readonly name = 'DocumentExistsError';
}

export interface DocumentServiceOptions {
  store: DocumentStore;
  metadata: MetadataStore;
  /** How long `touch` waits before writing updatedAt, so typing doesn't rewrite the metadata file per keystroke. */
  touchDelayMs?: number;
  now?: () => Date;
}

export interface ClosableDocumentService extends DocumentService {
  /** Creates a document whose body is the given ProseMirror JSON (demo content, imports). */
  createWithContent(input: CreateDocumentInput, content: JSONContent): Promise<DocumentMeta>;
  /** Writes pending `touch`es. */
  close(): Promise<void>;
}

/** Whether a body holds any text (or a leaf node such as a mention): something someone wrote. */
function holdsText(node: JSONContent, schema: Schema): boolean {
  if (node.type === 'text') return (node.text ?? '') !== '';
  if (node.content && node.content.length > 0) return node.content.some((child) => holdsText(child, schema));
  return schema.nodes[node.type ?? '']?.isLeaf ?? false;
}

export function createDocumentService(options: DocumentServiceOptions): ClosableDocumentService {
  const { store, metadata, touchDelayMs = 2000, now = () => new Date() } = options;
  const creating = new Map<string, Promise<DocumentMeta>>();
  const touched = new Set<string>();
  const accessListeners = new Set<(documentId: string) => void>();
  let liveBodies: LiveBodies | null = null;
  /** Resets of one document run one after another. */
  const resetting = new Map<string, Promise<unknown>>();
  const get = (id: string) => (isValidDocumentId(id) ? metadata.getDocument(id) : Promise.resolve(null));
  async function getMany(ids: readonly string[]): Promise<Map<string, DocumentMeta>> {
    const valid = [...new Set(ids)].filter(isValidDocumentId);
    const found = metadata.getDocuments
      ? await metadata.getDocuments(valid)
      : (await Promise.all(valid.map((id) => metadata.getDocument(id)))).filter((meta) => meta !== null);
    return new Map(found.map((meta) => [meta.id, meta]));
  }
  let touchTimer: NodeJS.Timeout | undefined;

  /** The touch writes in flight, chained: close() waits for the one a timer started, too. */
  let touchWrites: Promise<void> = Promise.resolve();
  function writeTouches(): Promise<void> {
    touchTimer = undefined;
    const ids = [...touched];
    touched.clear();
    const updatedAt = now().toISOString();
    touchWrites = touchWrites
      .catch(() => undefined)
      .then(async () => {
        for (const id of ids) await metadata.updateDocument(id, { updatedAt });
      });
    return touchWrites;
  }

  function accessChanged(id: string): void {
    for (const listener of [...accessListeners]) {
      // A listener's failure must not undo or hide the change itself.
      try {
        listener(id);
      } catch {
        // the sync server logs its own failures
      }
    }
  }

  /** Writes a change that affects access, then tells the listeners (the sync server re-checks live connections). */
  async function changeAccess(id: string, patch: DocumentMetaPatch): Promise<DocumentMeta | null> {
    const meta = isValidDocumentId(id) ? await metadata.updateDocument(id, patch) : null;
    if (meta) accessChanged(id);
    return meta;
  }

  async function createWithContent(input: CreateDocumentInput, content: JSONContent): Promise<DocumentMeta> {
    const id = input.id ?? newDocumentId();
    if (!isValidDocumentId(id)) throw new Error('invalid document id');
    // Two edit tokens for the same new id may connect at once: both get the one creation.
    const pending = creating.get(id);
    if (pending) return pending;
    const work = (async () => {
      if ((await metadata.getDocument(id)) || (await store.exists(id))) throw new DocumentExistsError(`document ${id} exists`);
      // The editor's schema is loaded on first need (the server preloads it once it listens).
      const { encodeBody, bodySchema } = await loadBodyTools();
      const created = now();
      const body = encodeBody(content);
      // Attributed to the template (the history shows "Skabelon", not unknown), in the same record;
      // a body without text (the blank template's empty paragraph) is nobody's writing.
      await store.append(id, body, ...(holdsText(content, bodySchema()) ? [creationStamp(body, created)] : []));
      const at = created.toISOString();
      return metadata.createDocument({
        id,
        title: input.title,
        template: input.template,
        createdAt: at,
        updatedAt: at,
        createdBy: { id: input.createdBy.id, name: input.createdBy.name },
        epoch: 1,
        workspaceId: input.workspaceId ?? null,
        visibility: input.visibility ?? 'private',
        state: 'draft',
        grants: input.owner === false ? [] : [{ subject: 'person', personId: input.createdBy.id, role: 'owner' }],
        consultation: DEFAULT_CONSULTATION,
        ...(input.post && { postType: input.post.type, tags: [...input.post.tags], supporters: [] }),
      });
    })();
    creating.set(id, work);
    try {
      return await work;
    } finally {
      creating.delete(id);
    }
  }

  /**
   * The epoch is bumped BEFORE the body is rewritten: a crash in between leaves the old history
   * under a new epoch (stale copies are refused, nothing is duplicated); the other order could
   * leave a fresh history that stale copies would still merge their old one into. The retired client
   * ids (this history's and every earlier reset's) are written with the epoch, in the same metadata
   * write: from then on the sync server refuses anything of them, from any client, `?epoch=` or not.
   * (So a crash between the two writes leaves a body whose every edit is refused with 4409 until the
   * reset is run again; nothing stale is merged meanwhile.)
   */
  async function resetNow(id: string): Promise<DocumentMeta | null> {
    const meta = await get(id);
    if (!meta) return null;
    const work = async () => {
      const current = await metadata.getDocument(id);
      if (!current) return null;
      const loaded = store.loadAttributed ? await store.loadAttributed(id) : null;
      const stored = loaded ? loaded.updates : ((await store.load(id)) ?? []);
      const retired = new Set([...(current.retiredClients ?? []), ...historyClients(stored)]);
      const body = freshBody(stored, retired);
      // Who wrote the text stays known: the old attribution carried over to the fresh body's items.
      const attribution = loaded ? carryAttribution(stored, loaded.attribution, body, (await loadBodyTools()).bodySchema()) : null;
      const updated = await metadata.updateDocument(id, {
        epoch: current.epoch + 1,
        retiredClients: [...retired].sort((a, b) => a - b),
        updatedAt: now().toISOString(),
      });
      // Forgotten as loaded: the body is a new history that replaces everything stored, not a
      // compaction to merge (PgDocumentStore merges what a loaded document's other writers added).
      await store.release?.(id);
      await store.compact(id, body, attribution ?? undefined);
      return updated;
    };
    return liveBodies ? liveBodies.whileReleased(id, Close.staleEpoch, work) : work();
  }

  function resetHistory(id: string): Promise<DocumentMeta | null> {
    const previous = resetting.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => resetNow(id));
    resetting.set(id, next);
    void next
      .finally(() => {
        if (resetting.get(id) === next) resetting.delete(id);
      })
      .catch(() => undefined);
    return next;
  }

  return {
    list: () => metadata.listDocuments(),
    get,
    getMany,
    async resource(id) {
      const meta = await get(id);
      return meta ? documentResourceOf(meta, now()) : null;
    },
    create: (input) => createWithContent(input, templateContent(input.template)),
    createWithContent,
    rename: (id, title) => metadata.updateDocument(id, { title, updatedAt: now().toISOString() }),
    setGrants: (id, grants) => changeAccess(id, { grants }),
    setVisibility: (id, visibility) => changeAccess(id, { visibility }),
    setPlacement: (id, { workspaceId, visibility }) => changeAccess(id, { workspaceId, visibility }),
    setState: (id, state) => changeAccess(id, { state, updatedAt: now().toISOString() }),
    // Not an access change for live connections: the settings decide only `comment`, which the sync
    // endpoint treats as `view`; the comments API asks can() on every request.
    setConsultation: (id, consultation) => (isValidDocumentId(id) ? metadata.updateDocument(id, { consultation }) : Promise.resolve(null)),
    setPostFields: (id, { tags, supporters }) =>
      isValidDocumentId(id)
        ? metadata.updateDocument(id, { ...(tags !== undefined && { tags }), ...(supporters !== undefined && { supporters }) })
        : Promise.resolve(null),
    onAccessChanged(listener) {
      const subscription = (id: string) => listener(id);
      accessListeners.add(subscription);
      return () => accessListeners.delete(subscription);
    },
    resetHistory,
    attachLiveBodies(live) {
      liveBodies = live;
      return () => {
        if (liveBodies === live) liveBodies = null;
      };
    },
    touch(id) {
      touched.add(id);
      touchTimer ??= setTimeout(() => void writeTouches(), touchDelayMs).unref();
    },
    async close() {
      if (touchTimer) clearTimeout(touchTimer);
      await writeTouches();
    },
  };
}

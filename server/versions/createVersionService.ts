/**
 * VersionService (lib/versions/VersionService.ts) over a VersionStore, the document service and the
 * sync server's current state of a body.
 *
 * Publishing, per document one at a time in this process: an idempotency key already used answers
 * with its version (and finishes the move to final a crash may have cut short); otherwise the gate
 * (`publish`), ONE read of the current state (edits after it belong to the next version), the body,
 * HTML and hash built from it, `nothing_changed` when the latest published version has that hash,
 * then the version is stored under the next number (`number_taken`: another process took it; try
 * the next) and only then the document is renamed (a new title) and moved to final through the
 * trusted DocumentService.setState, so the sync server re-checks its live connections.
 */
import type { JSONContent } from '@tiptap/core';
import { judge, passGate } from '../../lib/access/gate';
import type { Actor } from '../../lib/access/model';
import { documentResourceOf, type DocumentService } from '../../lib/documents/DocumentService';
import { titleSchema } from '../../lib/documents/titleSchema';
import type { DocumentId } from '../../lib/documentId';
import { DomainError } from '../../lib/errors/DomainError';
import type { DocumentMeta, PersonRef } from '../../lib/storage/MetadataStore';
import { loadBodyTools } from '../../lib/editor/loadBodyTools';
import { contentHash } from '../../lib/versions/contentHash';
import type { DocumentVersion, NewVersion, VersionContributor, VersionKind, VersionSummary } from '../../lib/versions/model';
import { NothingChangedError } from '../../lib/versions/NothingChangedError';
import { cleanSummary, isIdempotencyKey } from '../../lib/versions/publishInput';
import type { PublishResult, VersionService } from '../../lib/versions/VersionService';
import type { VersionStore } from '../../lib/versions/VersionStore';
import { KeyedSerializer } from './KeyedSerializer';
import { emitSafely } from '../../lib/notifications/emitSafely';
import { publishedEvent } from '../../lib/notifications/documentEvents';
import type { Notify } from '../../lib/notifications/model';

/** Applies a version's content as new edits on the current draft, attributed to `by` (written elsewhere). */
export type RestoreContent = (documentId: DocumentId, version: DocumentVersion, by: PersonRef) => Promise<void>;

export interface VersionServiceDeps {
  readonly store: VersionStore;
  readonly documents: DocumentService;
  /** The body as it stands now (the sync server's `readDocumentState`): a Yjs update. */
  readDocumentState(documentId: string): Promise<Uint8Array>;
  /** Who a person actor is, as a version names its publisher. */
  personOf(actor: Extract<Actor, { kind: 'person' }>): Promise<PersonRef>;
  /** Absent: `restore` answers `unavailable` / `restore_unavailable`. */
  readonly restoreContent?: RestoreContent;
  readonly now?: () => Date;
  /** Told of each published version after it is stored and the document is final (issue 12). */
  readonly notify?: Notify;
  /**
   * Who wrote the text of a state being frozen (the authorship service's `frozenContributors`,
   * readers' fields only), stored with the version; null when it cannot be read (the version is
   * stored without them: its page works them out later). Absent: versions are stored without them.
   */
  contributorsOf?(documentId: string, state: Uint8Array): Promise<readonly VersionContributor[] | null>;
}

/** How often a publish takes the next number after another process took the one it tried. */
const MAX_NUMBER_ATTEMPTS = 20;

interface Frozen {
  readonly title: string;
  readonly body: JSONContent;
  readonly html: string;
  readonly hash: string;
  readonly yjsState: Uint8Array;
}

export function createVersionService(deps: VersionServiceDeps): VersionService {
  const { store, documents } = deps;
  const now = deps.now ?? (() => new Date());
  const serial = new KeyedSerializer();

  const gate = (actor: Actor, id: DocumentId, action: 'view' | 'publish' | 'edit') =>
    passGate({ actor, action, load: () => documents.get(id), resourceOf: (meta: DocumentMeta) => documentResourceOf(meta, now()) });

  async function freezeNow(id: string, title: string): Promise<Frozen> {
    const { bodyJsonOf, renderBodyHtml } = await loadBodyTools();
    const yjsState = await deps.readDocumentState(id);
    const body = bodyJsonOf(yjsState);
    return { title, body, html: renderBodyHtml(body), hash: contentHash(title, body), yjsState };
  }

  /** Stores `frozen` under the next free number; returns the stored summary, or the key's version when it exists. */
  async function storeNext(
    meta: DocumentMeta,
    frozen: Frozen,
    fields: { kind: VersionKind; summary: string; by: PersonRef; idempotencyKey: string | null },
    known: readonly VersionSummary[],
  ): Promise<{ version: VersionSummary; created: boolean }> {
    let number = (known[0]?.number ?? 0) + 1;
    // Read once, after the checks that may refuse the publish (the room's attribution covers the frozen state).
    const contributors = deps.contributorsOf ? await deps.contributorsOf(meta.id, frozen.yjsState) : null;
    for (let attempt = 0; attempt < MAX_NUMBER_ATTEMPTS; attempt += 1) {
      const version: NewVersion = {
        documentId: meta.id,
        number,
        kind: fields.kind,
        title: frozen.title,
        summary: fields.summary,
        publishedAt: now().toISOString(),
        publishedBy: { id: fields.by.id, name: fields.by.name },
        closesPhase: meta.state,
        hash: frozen.hash,
        content: { yjsState: frozen.yjsState, body: frozen.body, html: frozen.html },
        contributors,
        idempotencyKey: fields.idempotencyKey,
      };
      const result = await store.add(version);
      if (result === 'added') {
        const { content: _content, idempotencyKey: _key, contributors: _contributors, ...summary } = version;
        return { version: summary, created: true };
      }
      if (result === 'key_taken' && fields.idempotencyKey !== null) {
        const existing = await store.byIdempotencyKey(meta.id, fields.idempotencyKey);
        if (existing) return { version: existing, created: false };
      }
      // Another process took this number meanwhile: the next one after the newest.
      number = Math.max(number, (await store.list(meta.id))[0]?.number ?? 0) + 1;
    }
    throw new DomainError('conflict', 'version_busy', `could not take a version number for ${meta.id}`);
  }

  async function replay(actor: Actor, id: DocumentId, existing: VersionSummary): Promise<PublishResult> {
    const { found: meta } = await gate(actor, id, 'view');
    if (actor.kind !== 'person' || existing.publishedBy.id !== actor.id)
      throw new DomainError(
        'conflict',
        'idempotency_key_reused',
        `the idempotency key made version ${existing.number}, published by someone else`,
      );
    // A crash between storing the version and the move to final: finish the move, but only while
    // the publisher may still publish it (can(): in review or consultation), this version is still
    // the newest and the text is still what it froze.
    if (existing.kind === 'published' && judge(actor, 'publish', documentResourceOf(meta, now())).pass) {
      const newest = (await store.list(id))[0];
      if (newest?.number === existing.number && (await freezeNow(id, existing.title)).hash === existing.hash) {
        await finish(meta, existing.title);
      }
    }
    return { version: existing, created: false };
  }

  async function finish(meta: DocumentMeta, title: string): Promise<void> {
    if (title !== meta.title) await documents.rename(meta.id, title);
    await documents.setState(meta.id, 'final');
  }

  const latestPublished = (versions: readonly VersionSummary[]) => versions.find((version) => version.kind === 'published');

  return {
    async publish(actor, id, input) {
      if (typeof input.summary !== 'string') throw new DomainError('invalid', 'summary_invalid', 'the summary must be a string');
      const summary = cleanSummary(input.summary);
      if (!summary.ok) throw new DomainError('invalid', summary.code, 'the summary cannot be used');
      let title: string | undefined;
      if (input.title !== undefined) {
        const parsed = titleSchema.safeParse(input.title);
        if (!parsed.success)
          throw new DomainError('invalid', parsed.error.issues[0]?.message ?? 'title_invalid', 'the title cannot be used');
        title = parsed.data;
      }
      const key = input.idempotencyKey ?? null;
      if (key !== null && !isIdempotencyKey(key))
        throw new DomainError('invalid', 'idempotency_key_invalid', 'the idempotency key cannot be used');

      return serial.run(id, async () => {
        if (key !== null) {
          const existing = await store.byIdempotencyKey(id, key);
          if (existing) return replay(actor, id, existing);
        }
        const { found: meta } = await gate(actor, id, 'publish');
        if (actor.kind !== 'person') throw new DomainError('forbidden', 'forbidden', 'only people publish');
        const frozen = await freezeNow(id, title ?? meta.title);
        const known = await store.list(id);
        const previous = latestPublished(known);
        if (previous?.hash === frozen.hash) throw new NothingChangedError(previous.number);
        const by = await deps.personOf(actor);
        const result = await storeNext(meta, frozen, { kind: 'published', summary: summary.text, by, idempotencyKey: key }, known);
        if (!result.created) return replay(actor, id, result.version);
        await finish(meta, frozen.title);
        await emitSafely(deps.notify, () => publishedEvent({ personId: by.id, name: by.name }, id, result.version.number));
        return result;
      });
    },

    async list(actor, id) {
      await gate(actor, id, 'view');
      return store.list(id);
    },

    async get(actor, id, number) {
      await gate(actor, id, 'view');
      const version = Number.isSafeInteger(number) && number > 0 ? await store.get(id, number) : null;
      if (!version) throw new DomainError('not_found', 'version_not_found', `document ${id} has no version ${number}`);
      return version;
    },

    async draft(actor, id) {
      const { found: meta } = await gate(actor, id, 'view');
      const { bodyJsonOf } = await loadBodyTools();
      return { title: meta.title, body: bodyJsonOf(await deps.readDocumentState(id)) };
    },

    async restore(actor, id, number) {
      const restoreContent = deps.restoreContent;
      if (!restoreContent) throw new DomainError('unavailable', 'restore_unavailable', 'restoring a version is not available');
      await gate(actor, id, 'edit');
      if (actor.kind !== 'person') throw new DomainError('forbidden', 'forbidden', 'only people restore');
      const version = Number.isSafeInteger(number) && number > 0 ? await store.get(id, number) : null;
      if (!version) throw new DomainError('not_found', 'version_not_found', `document ${id} has no version ${number}`);
      await restoreContent(id, version, await deps.personOf(actor));
      return { restoredFrom: number };
    },

    async freezeForPhase(id, to, by) {
      if (to !== 'consultation' && to !== 'final') return null;
      return serial.run(id, async () => {
        const meta = await documents.get(id);
        if (!meta) throw new DomainError('not_found', 'not_found', `no document ${id}`);
        const frozen = await freezeNow(id, meta.title);
        const known = await store.list(id);
        const kind: VersionKind = to === 'consultation' ? 'consultation_draft' : 'published';
        if (kind === 'consultation_draft') {
          const newest = known[0];
          if (newest?.kind === kind && newest.hash === frozen.hash) return null;
        } else if (latestPublished(known)?.hash === frozen.hash) return null;
        const { version } = await storeNext(meta, frozen, { kind, summary: '', by, idempotencyKey: null }, known);
        if (kind === 'published')
          await emitSafely(deps.notify, () => publishedEvent({ personId: by.id, name: by.name }, id, version.number));
        return version;
      });
    },

    latestOf: (ids) => store.latestOf(ids),
    recentPublished: (limit, documentIds) => store.recent('published', limit, documentIds),
  };
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '../../../lib/access/model';
import type { DocumentId } from '../../../lib/documentId';
import { bodyJsonOf } from '../../../lib/versions/bodyJsonOf';
import { contentHash } from '../../../lib/versions/contentHash';
import type { VersionStore } from '../../../lib/versions/VersionStore';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { createVersionService, type RestoreContent } from '../../../server/versions/createVersionService';
import { nothingChangedSince } from '../../../lib/versions/NothingChangedError';
import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
import { appendParagraph } from '../../helpers/bodyDoc';

const person = (id: string, role: Extract<Actor, { kind: 'person' }>['role']): Extract<Actor, { kind: 'person' }> => ({
  kind: 'person',
  id,
  role,
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
});
const moderator = person('p_mod', 'moderator');
const owner = person('p_owner', 'citizen');
const citizen = person('p_citizen', 'citizen');
const NAMES: Record<string, string> = { p_mod: 'Mette Moderator', p_owner: 'Ole Ejer', p_citizen: 'Carl Borger' };

async function setup(
  options: {
    visibility?: 'public' | 'private';
    store?: VersionStore;
    restoreContent?: RestoreContent;
    afterRead?: () => Promise<void>;
  } = {},
) {
  const bodies = new MemoryDocumentStore();
  const metadata = new MemoryMetadataStore();
  let clock = Date.parse('2026-12-07T10:00:00Z');
  const now = () => new Date((clock += 1000));
  const documents = createDocumentService({ store: bodies, metadata, touchDelayMs: 5, now });
  const store = options.store ?? new MemoryVersionStore();
  let reads = 0;
  const readDocumentState = async (id: string) => {
    reads += 1;
    const state = Y.mergeUpdates((await bodies.load(id)) ?? []);
    await options.afterRead?.();
    return state;
  };
  const versions = createVersionService({
    store,
    documents,
    readDocumentState,
    personOf: async (actor) => ({ id: actor.id, name: NAMES[actor.id] ?? actor.id }),
    ...(options.restoreContent && { restoreContent: options.restoreContent }),
    now,
  });
  const meta = await documents.create({ title: 'Lokalplan', template: 'blank', createdBy: { id: owner.id, name: NAMES.p_owner! } });
  const id = meta.id as DocumentId;
  await documents.setVisibility(id, options.visibility ?? 'public');
  await documents.setState(id, 'consultation');
  /** Types a paragraph into the stored body, as a sync client would. */
  const edit = async (text: string) => {
    const doc = new Y.Doc();
    for (const update of (await bodies.load(id)) ?? []) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    appendParagraph(doc, text);
    await bodies.append(id, Y.encodeStateAsUpdate(doc, before));
  };
  const currentText = async () => JSON.stringify(bodyJsonOf(Y.mergeUpdates((await bodies.load(id)) ?? [])));
  return { documents, versions, store, id, edit, currentText, reads: () => reads };
}

describe('createVersionService: publish', () => {
  it('freezes the current state as version 1 and moves the document to final', async () => {
    const { versions, documents, store, id, edit } = await setup();
    await edit('Første tekst');
    const { version, created } = await versions.publish(moderator, id, { summary: '  Rettet stavefejl \r\n' });
    expect(created).toBe(true);
    expect(version).toMatchObject({
      documentId: id,
      number: 1,
      kind: 'published',
      title: 'Lokalplan',
      summary: 'Rettet stavefejl',
      publishedBy: { id: 'p_mod', name: 'Mette Moderator' },
      closesPhase: 'consultation',
    });
    expect((await documents.get(id))!.state).toBe('final');
    const stored = (await store.get(id, 1))!;
    expect(JSON.stringify(stored.content.body)).toContain('Første tekst');
    expect(stored.content.html).toContain('<p>Første tekst</p>');
    expect(stored.hash).toBe(contentHash('Lokalplan', stored.content.body));
    expect(bodyJsonOf(stored.content.yjsState)).toEqual(stored.content.body);
  });

  it('renames the document when a title is given', async () => {
    const { versions, documents, id } = await setup();
    const { version } = await versions.publish(moderator, id, { summary: '', title: ' Lokalplan 12 ' });
    expect(version.title).toBe('Lokalplan 12');
    expect((await documents.get(id))!.title).toBe('Lokalplan 12');
  });

  it('answers a repeated idempotency key with the first version, creating nothing', async () => {
    const { versions, store, id, edit } = await setup();
    await edit('tekst');
    const first = await versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'klik-1' });
    await edit('mere tekst');
    const again = await versions.publish(moderator, id, { summary: 'b', idempotencyKey: 'klik-1' });
    expect(again).toEqual({ version: first.version, created: false });
    expect(await store.list(id)).toHaveLength(1);
  });

  it('publishes once for a double click (two requests at once with one key)', async () => {
    const { versions, store, id, edit } = await setup();
    await edit('tekst');
    const results = await Promise.all([
      versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'dobbelt' }),
      versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'dobbelt' }),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(results[0]!.version).toEqual(results[1]!.version);
    expect(await store.list(id)).toHaveLength(1);
  });

  it('finishes the move to final on a replay when a crash came between storing and moving', async () => {
    const { versions, documents, store, id, edit } = await setup();
    await edit('tekst');
    // The crash: the version stored (as publish would), the document still in consultation.
    const { version } = await versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'k' });
    await documents.setState(id, 'consultation');
    const replay = await versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'k' });
    expect(replay).toEqual({ version, created: false });
    expect((await documents.get(id))!.state).toBe('final');
    expect(await store.list(id)).toHaveLength(1);
  });

  it('does not finish the move on a replay by a publisher who may no longer publish', async () => {
    const { versions, documents, id, edit } = await setup();
    await edit('tekst');
    await versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'k' });
    await documents.setState(id, 'consultation');
    const demoted = { ...moderator, role: 'citizen' as const };
    expect((await versions.publish(demoted, id, { summary: 'a', idempotencyKey: 'k' })).created).toBe(false);
    expect((await documents.get(id))!.state).toBe('consultation');
  });

  it('does not move a document back to final on a replay once it has moved on', async () => {
    const { versions, documents, id, edit } = await setup();
    await edit('tekst');
    await versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'k' });
    await documents.setState(id, 'draft');
    await edit('nyt udkast');
    await documents.setState(id, 'in_review');
    expect((await versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'k' })).created).toBe(false);
    expect((await documents.get(id))!.state).toBe('in_review');
  });

  it('refuses someone else replaying a key', async () => {
    const admin = person('p_admin', 'admin');
    const { versions, id, edit } = await setup();
    await edit('tekst');
    await versions.publish(moderator, id, { summary: 'a', idempotencyKey: 'k' });
    await expect(versions.publish(admin, id, { summary: 'a', idempotencyKey: 'k' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'idempotency_key_reused',
    });
  });

  it('numbers versions 1, 2, 3 and never reuses a number', async () => {
    const { versions, documents, id, edit } = await setup();
    const numbers: number[] = [];
    for (const text of ['en', 'to', 'tre']) {
      await edit(text);
      numbers.push((await versions.publish(moderator, id, { summary: text })).version.number);
      await documents.setState(id, 'draft');
      await documents.setState(id, 'in_review');
    }
    expect(numbers).toEqual([1, 2, 3]);
    expect((await versions.list(moderator, id)).map((version) => version.number)).toEqual([3, 2, 1]);
  });

  it('takes the next number when another process took the one it tried', async () => {
    const inner = new MemoryVersionStore();
    let raced = false;
    // Another node adds version 1 between this process's list and its add.
    const store: VersionStore = Object.assign(Object.create(inner) as VersionStore, {
      add: async (version: Parameters<VersionStore['add']>[0]) => {
        if (!raced) {
          raced = true;
          await inner.add({ ...version, summary: 'fra en anden node', idempotencyKey: null });
        }
        return inner.add(version);
      },
    });
    const { versions, id, edit } = await setup({ store });
    await edit('tekst');
    const { version } = await versions.publish(moderator, id, { summary: 'min' });
    expect(version.number).toBe(2);
    expect((await inner.list(id)).map((each) => [each.number, each.summary])).toEqual([
      [2, 'min'],
      [1, 'fra en anden node'],
    ]);
  });

  it('answers nothing_changed, naming the version, when the content equals the latest published version', async () => {
    const { versions, documents, id, edit } = await setup();
    await edit('tekst');
    await versions.publish(moderator, id, { summary: 'a' });
    await documents.setState(id, 'draft');
    await documents.setState(id, 'in_review');
    const refusal = versions.publish(moderator, id, { summary: 'b' });
    await expect(refusal).rejects.toMatchObject({
      kind: 'conflict',
      code: 'nothing_changed',
      message: expect.stringContaining('version 1'),
      latestVersion: 1,
    });
    expect(nothingChangedSince(await refusal.catch((error: unknown) => error))).toBe(1);
    // A new title is a change.
    expect((await versions.publish(moderator, id, { summary: 'b', title: 'Ny titel' })).version.number).toBe(2);
  });

  it('reads the state once: an edit applied after the read lands in the next version, not this one', async () => {
    let late: (() => Promise<void>) | undefined;
    const harness = await setup({ afterRead: () => late?.() ?? Promise.resolve() });
    const { versions, documents, store, id, edit, reads } = harness;
    await edit('før');
    late = async () => {
      late = undefined;
      await edit('racende redigering');
    };
    const { version } = await versions.publish(moderator, id, { summary: 'a' });
    expect(reads()).toBe(1);
    const first = JSON.stringify((await store.get(id, version.number))!.content.body);
    expect(first).toContain('før');
    expect(first).not.toContain('racende redigering');
    await documents.setState(id, 'draft');
    await documents.setState(id, 'in_review');
    const next = await versions.publish(moderator, id, { summary: 'b' });
    expect(JSON.stringify((await store.get(id, next.version.number))!.content.body)).toContain('racende redigering');
  });

  it('refuses with not_found a person who cannot view the document, and stores nothing', async () => {
    const { versions, store, id } = await setup({ visibility: 'private' });
    await expect(versions.publish(citizen, id, { summary: 'x' })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(versions.list(citizen, id)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(versions.get(citizen, id, 1)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(versions.publish(moderator, 'nosuchdoc' as DocumentId, { summary: 'x' })).rejects.toMatchObject({ kind: 'not_found' });
    expect(await store.list(id)).toEqual([]);
  });

  it('refuses with forbidden a viewer who may not publish (even the owner), and stores nothing', async () => {
    const { versions, store, id } = await setup();
    await expect(versions.publish(citizen, id, { summary: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(versions.publish(owner, id, { summary: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(versions.publish({ kind: 'anonymous' }, id, { summary: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await store.list(id)).toEqual([]);
    // Viewing is allowed.
    expect(await versions.list(citizen, id)).toEqual([]);
  });

  it('refuses bad input before anything else', async () => {
    const { versions, id } = await setup();
    await expect(versions.publish(moderator, id, { summary: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 'summary_too_long' });
    await expect(versions.publish(moderator, id, { summary: 'a\u0000b' })).rejects.toMatchObject({ code: 'summary_invalid' });
    await expect(versions.publish(moderator, id, { summary: 7 as unknown as string })).rejects.toMatchObject({ code: 'summary_invalid' });
    await expect(versions.publish(moderator, id, { summary: '', title: '' })).rejects.toMatchObject({ code: 'title_required' });
    await expect(versions.publish(moderator, id, { summary: '', idempotencyKey: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'idempotency_key_invalid',
    });
    await expect(versions.publish(moderator, id, { summary: '', idempotencyKey: 'æ' })).rejects.toMatchObject({
      code: 'idempotency_key_invalid',
    });
  });
});

describe('createVersionService: reading', () => {
  it('gets one version with its content, and not_found for a number it does not have', async () => {
    const { versions, id, edit } = await setup();
    await edit('tekst');
    await versions.publish(moderator, id, { summary: 'a' });
    expect((await versions.get(citizen, id, 1)).content.html).toContain('tekst');
    for (const number of [2, 0, -1, 1.5, Number.NaN])
      await expect(versions.get(citizen, id, number)).rejects.toMatchObject({ code: 'version_not_found' });
  });

  it('gives the current draft to compare against', async () => {
    const { versions, id, edit } = await setup();
    await edit('udkast');
    const draft = await versions.draft(citizen, id);
    expect(draft.title).toBe('Lokalplan');
    expect(JSON.stringify(draft.body)).toContain('udkast');
  });

  it('gives the latest version per document and the recent published ones', async () => {
    const { versions, id, edit } = await setup();
    await edit('tekst');
    await versions.publish(moderator, id, { summary: 'a' });
    expect((await versions.latestOf([id, 'other'])).get(id)!.number).toBe(1);
    expect((await versions.recentPublished(5)).map((version) => version.documentId)).toEqual([id]);
  });
});

describe('createVersionService: freezeForPhase', () => {
  it('freezes a consultation draft when a consultation opens, once per content', async () => {
    const { versions, documents, id, edit } = await setup();
    await documents.setState(id, 'in_review');
    await edit('høringsudkast');
    const frozen = await versions.freezeForPhase(id, 'consultation', { id: 'p_owner', name: 'Ole Ejer' });
    expect(frozen).toMatchObject({ number: 1, kind: 'consultation_draft', summary: '', closesPhase: 'in_review' });
    expect(await versions.freezeForPhase(id, 'consultation', { id: 'p_owner', name: 'Ole Ejer' })).toBeNull();
    await edit('ændret');
    expect((await versions.freezeForPhase(id, 'consultation', { id: 'p_owner', name: 'Ole Ejer' }))!.number).toBe(2);
  });

  it('publishes on a move to final only when the current state has no published version', async () => {
    const { versions, id, edit } = await setup();
    await edit('tekst');
    const by = { id: 'p_mod', name: 'Mette Moderator' };
    expect(await versions.freezeForPhase(id, 'consultation', by)).toMatchObject({ kind: 'consultation_draft', number: 1 });
    expect(await versions.freezeForPhase(id, 'final', by)).toMatchObject({ kind: 'published', number: 2, closesPhase: 'consultation' });
    expect(await versions.freezeForPhase(id, 'final', by)).toBeNull();
    expect(await versions.freezeForPhase(id, 'draft', by)).toBeNull();
    expect(await versions.freezeForPhase(id, 'archived', by)).toBeNull();
  });
});

describe('createVersionService: restore', () => {
  it('is unavailable without a restore function', async () => {
    const { versions, id } = await setup();
    await expect(versions.restore(owner, id, 1)).rejects.toMatchObject({ kind: 'unavailable', code: 'restore_unavailable' });
  });

  it('hands the version and the person to the restore function, after the edit gate', async () => {
    const calls: [string, number, string][] = [];
    const { versions, documents, id, edit } = await setup({
      restoreContent: async (documentId, version, by) => void calls.push([documentId, version.number, by.name]),
    });
    await edit('tekst');
    await versions.publish(moderator, id, { summary: 'a' });
    await documents.setState(id, 'draft');
    await expect(versions.restore(citizen, id, 1)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(versions.restore(owner, id, 9)).rejects.toMatchObject({ code: 'version_not_found' });
    expect(await versions.restore(owner, id, 1)).toEqual({ restoredFrom: 1 });
    expect(calls).toEqual([[id, 1, 'Ole Ejer']]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { createDocumentService, DocumentExistsError } from '../../../server/documents/createDocumentService';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';

const author = { id: 'p_1', name: 'Karen' };

function setup(options: { now?: () => Date } = {}) {
  const store = new MemoryDocumentStore();
  const metadata = new MemoryMetadataStore();
  let clock = Date.parse('2026-11-26T10:00:00Z');
  const documents = createDocumentService({ store, metadata, touchDelayMs: 5, now: options.now ?? (() => new Date((clock += 1000))) });
  return { store, metadata, documents };
}

async function bodyOf(store: MemoryDocumentStore, id: string): Promise<Y.XmlFragment> {
  const doc = new Y.Doc();
  for (const update of (await store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc.getXmlFragment(BODY_FRAGMENT);
}

describe('createDocumentService', () => {
  it('seeds a project proposal with its sections on the server', async () => {
    const { store, documents } = setup();
    const meta = await documents.create({ title: 'Fællesspisning', template: 'projektforslag', createdBy: author });
    expect(meta).toMatchObject({ title: 'Fællesspisning', template: 'projektforslag', createdBy: author, epoch: 1 });
    const body = (await bodyOf(store, meta.id)).toString();
    for (const section of ['Formål', 'Baggrund', 'Målgruppe', 'Partnere', 'Aktiviteter', 'Økonomi', 'Evaluering']) {
      expect(body).toContain(section);
    }
    // The title is the document's metadata and the page's h1, not part of the body (issue 9).
    expect(body.startsWith('<heading level="2">Formål</heading>')).toBe(true);
    expect(body).not.toContain('Fællesspisning');
  });

  it('makes the creator the owner of a new private document, outside any workspace', async () => {
    const { documents } = setup();
    const meta = await documents.create({ title: 'Udkast', template: 'blank', createdBy: author });
    expect(await documents.resource(meta.id)).toEqual({
      kind: 'document',
      id: meta.id,
      workspaceId: null,
      visibility: 'private',
      state: 'draft',
      grants: [{ subject: 'person', personId: 'p_1', role: 'owner' }],
      consultation: { ...DEFAULT_CONSULTATION, timing: 'open' },
    });
  });

  it('creates documents nobody owns in a workspace, when asked (the demo documents)', async () => {
    const { documents } = setup();
    const meta = await documents.create({
      title: 'Demo',
      template: 'blank',
      createdBy: author,
      workspaceId: 'w_1',
      visibility: 'public',
      owner: false,
    });
    expect(await documents.resource(meta.id)).toMatchObject({ workspaceId: 'w_1', visibility: 'public', grants: [] });
  });

  it('has no access resource for an unknown or invalid id', async () => {
    const { documents } = setup();
    expect(await documents.resource('findes-ikke')).toBeNull();
    expect(await documents.resource('../x')).toBeNull();
  });

  it('replaces grants and tells access listeners, until they unsubscribe', async () => {
    const { documents } = setup();
    const meta = await documents.create({ title: 'Delt', template: 'blank', createdBy: author });
    const heard: string[] = [];
    const stop = documents.onAccessChanged((id) => heard.push(id));
    const grants = [
      { subject: 'person', personId: 'p_1', role: 'owner' },
      { subject: 'organisation', organisationId: 'o_1', role: 'commenter' },
    ] as const;
    expect((await documents.setGrants(meta.id, grants))?.grants).toEqual(grants);
    expect(heard).toEqual([meta.id]);
    stop();
    await documents.setGrants(meta.id, []);
    expect(heard).toEqual([meta.id]);
    expect(await documents.setGrants('findes-ikke', [])).toBeNull();
  });

  it('moves a document to another state, keeping everything else, and tells access listeners', async () => {
    const { documents } = setup();
    const meta = await documents.create({ title: 'Høring', template: 'blank', createdBy: author });
    const heard: string[] = [];
    documents.onAccessChanged((id) => heard.push(id));
    const moved = await documents.setState(meta.id, 'consultation');
    expect(moved).toMatchObject({ state: 'consultation', title: 'Høring', grants: meta.grants, visibility: 'private' });
    expect((await documents.resource(meta.id))?.state).toBe('consultation');
    expect(heard).toEqual([meta.id]);
    expect(await documents.setState('findes-ikke', 'final')).toBeNull();
    expect(heard).toEqual([meta.id]);
  });

  it('replaces the consultation settings without closing live connections, and judges the dates against its clock', async () => {
    let clock = new Date('2027-03-01T12:00:00.000Z');
    const { documents } = setup({ now: () => clock });
    const meta = await documents.create({ title: 'Høring', template: 'blank', createdBy: author });
    const heard: string[] = [];
    documents.onAccessChanged((id) => heard.push(id));
    const settings = {
      opensAt: '2027-03-02T00:00:00.000Z',
      closesAt: '2027-03-16T00:00:00.000Z',
      citizensMayComment: false,
      organisationsMayComment: true,
      guestsMayComment: true,
    };
    expect((await documents.setConsultation(meta.id, settings))?.consultation).toEqual(settings);
    expect(heard).toEqual([]);
    expect((await documents.resource(meta.id))?.consultation).toEqual({ ...settings, timing: 'before' });
    clock = new Date('2027-03-02T00:00:00.000Z');
    expect((await documents.resource(meta.id))?.consultation.timing).toBe('open');
    clock = new Date('2027-03-16T00:00:00.000Z');
    expect((await documents.resource(meta.id))?.consultation.timing).toBe('after');
    expect(await documents.setConsultation('findes-ikke', settings)).toBeNull();
  });

  it('seeds a blank document with one empty paragraph: the title is its metadata, not part of the body', async () => {
    const { store, documents } = setup();
    const meta = await documents.create({ title: 'Noter', template: 'blank', createdBy: author });
    expect((await bodyOf(store, meta.id)).toString()).toBe('<paragraph></paragraph>');
  });

  it('lists newest first and renames', async () => {
    const { documents } = setup();
    const first = await documents.create({ title: 'Første', template: 'blank', createdBy: author });
    const second = await documents.create({ title: 'Anden', template: 'blank', createdBy: author });
    expect((await documents.list()).map((d) => d.id)).toEqual([second.id, first.id]);
    const renamed = await documents.rename(first.id, 'Første, omdøbt');
    expect(renamed?.title).toBe('Første, omdøbt');
    expect(await documents.rename('missing', 'x')).toBeNull();
  });

  it('creates a chosen id once, even when asked twice at the same time', async () => {
    const { store, documents } = setup();
    const [a, b] = await Promise.all([
      documents.create({ id: 'from-token', title: 'Indlejret', template: 'blank', createdBy: author }),
      documents.create({ id: 'from-token', title: 'Indlejret', template: 'blank', createdBy: author }),
    ]);
    expect(a).toEqual(b);
    expect(await store.load('from-token')).toHaveLength(1);
    await expect(documents.create({ id: 'from-token', title: 'Igen', template: 'blank', createdBy: author })).rejects.toThrow(
      DocumentExistsError,
    );
  });

  it('refuses an invalid id and answers null for one', async () => {
    const { documents } = setup();
    await expect(documents.create({ id: '../etc', title: 'x', template: 'blank', createdBy: author })).rejects.toThrow(/invalid/);
    expect(await documents.get('../etc')).toBeNull();
  });

  it('batches touches into one updatedAt write and writes pending ones on close', async () => {
    const { documents } = setup();
    const meta = await documents.create({ title: 'x', template: 'blank', createdBy: author });
    documents.touch(meta.id);
    documents.touch(meta.id);
    await documents.close();
    const touched = await documents.get(meta.id);
    expect(Date.parse(touched!.updatedAt)).toBeGreaterThan(Date.parse(meta.updatedAt));
  });
});

describe('createDocumentService: resetting the history', () => {
  it('keeps the content (formatting and attributes too), drops every old item, and bumps the epoch', async () => {
    const { store, documents, metadata } = setup();
    const meta = await documents.create({ title: 'Politik', template: 'projektforslag', createdBy: author });
    // An edit with deleted history on top of the seed.
    const doc = new Y.Doc();
    for (const update of (await store.load(meta.id)) ?? []) Y.applyUpdate(doc, update);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'slettet ');
    text.insert(8, 'fed', { bold: {} });
    paragraph.insert(0, [text]);
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
    text.delete(0, 8);
    await store.append(meta.id, Y.encodeStateAsUpdate(doc));
    const before = (await bodyOf(store, meta.id)).toString();
    expect(before).toContain('<paragraph><bold>fed</bold></paragraph>');

    const reset = await documents.resetHistory(meta.id);
    expect(reset?.epoch).toBe(2);
    expect((await metadata.getDocument(meta.id))?.epoch).toBe(2);
    const stored = (await store.load(meta.id)) ?? [];
    expect(stored).toHaveLength(1);
    const after = await bodyOf(store, meta.id);
    expect(after.toString()).toBe(before);
    const clients = [...Y.decodeStateVector(Y.encodeStateVector(after.doc!)).keys()];
    expect(clients).toHaveLength(1);
    expect(clients).not.toContain(doc.clientID);
    // No delete set: the deleted words are gone, not tombstoned.
    expect(Y.decodeUpdate(stored[0]!).ds.clients.size).toBe(0);
  });

  it('bumps the epoch before it rewrites the body, inside the live bodies’ release', async () => {
    const { store, documents, metadata } = setup();
    const meta = await documents.create({ title: 'Udkast', template: 'blank', createdBy: author });
    const seen: string[] = [];
    const compact = store.compact.bind(store);
    store.compact = async (id, snapshot) => {
      seen.push(`compact at epoch ${(await metadata.getDocument(id))?.epoch}`);
      return compact(id, snapshot);
    };
    documents.attachLiveBodies({
      async whileReleased(id, close, work) {
        seen.push(`released ${id} with ${close.code}`);
        const result = await work();
        seen.push('let in');
        return result;
      },
    });
    await documents.resetHistory(meta.id);
    expect(seen).toEqual([`released ${meta.id} with 4409`, 'compact at epoch 2', 'let in']);
  });
});

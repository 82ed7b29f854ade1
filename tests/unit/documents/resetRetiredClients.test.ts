import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { freshBody } from '../../../lib/documents/freshBody';
import { historyClients } from '../../../lib/documents/historyClients';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';

const author = { id: 'p_1', name: 'Karen' };

function setup() {
  const store = new MemoryDocumentStore();
  const metadata = new MemoryMetadataStore();
  const documents = createDocumentService({ store, metadata, touchDelayMs: 5 });
  return { store, metadata, documents };
}

async function replicaOf(store: MemoryDocumentStore, id: string, clientID: number): Promise<Y.Doc> {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  for (const update of (await store.load(id)) ?? []) Y.applyUpdate(doc, update);
  return doc;
}

const clientsOf = async (store: MemoryDocumentStore, id: string): Promise<number[]> => [...historyClients((await store.load(id)) ?? [])];
const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);

describe('resetHistory retires the old history’s client ids', () => {
  it('records every author of the old history, deleted text included, across resets, and writes the fresh body with none of them', async () => {
    const { store, metadata, documents } = setup();
    const meta = await documents.create({ title: 'Udkast', template: 'blank', createdBy: author });
    expect(meta.retiredClients).toBeUndefined();
    const [seed = -1] = await clientsOf(store, meta.id);

    // Client 1001 writes a paragraph; client 1002 writes one and deletes both (only tombstones are left of its text).
    const writer = await replicaOf(store, meta.id, 1001);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Gammel')]);
    writer.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
    await store.append(meta.id, Y.encodeStateAsUpdate(writer));
    const deleter = await replicaOf(store, meta.id, 1002);
    const before = Y.encodeStateVector(deleter);
    deleter.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]);
    deleter.getXmlFragment(BODY_FRAGMENT).delete(0, 2);
    await store.append(meta.id, Y.encodeStateAsUpdate(deleter, before));

    const first = await documents.resetHistory(meta.id);
    expect(first?.retiredClients).toEqual(sorted([seed, 1001, 1002]));
    const [fresh1 = -1] = await clientsOf(store, meta.id);
    expect(first?.retiredClients).not.toContain(fresh1);

    const second = await documents.resetHistory(meta.id);
    expect(second?.retiredClients).toEqual(sorted([seed, 1001, 1002, fresh1]));
    expect((await metadata.getDocument(meta.id))?.retiredClients).toEqual(second?.retiredClients);
    const [fresh2] = await clientsOf(store, meta.id);
    expect(second?.retiredClients).not.toContain(fresh2);
  });

  it('freshBody draws another client id while the one it has is retired', () => {
    const asked: number[] = [];
    // A set that calls the first three ids retired, whatever they are.
    const retired = { has: (id: number) => asked.push(id) <= 3 } as unknown as ReadonlySet<number>;
    const body = freshBody([], retired);
    expect(asked).toHaveLength(4);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, body);
    expect(new Set(asked).size).toBe(4);
    // An empty body has no structs to show its author; a non-empty one is checked above across resets.
    expect(doc.getXmlFragment(BODY_FRAGMENT).length).toBe(0);
  });
});

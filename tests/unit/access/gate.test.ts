import { describe, expect, it } from 'vitest';
import { judge, passGate } from '../../../lib/access/gate';
import type { Actor, PersonActor } from '../../../lib/access/model';
import { parseDocumentId, type DocumentId } from '../../../lib/documentId';
import { createDocumentActs } from '../../../lib/documents/createDocumentActs';
import { documentResourceOf } from '../../../lib/documents/DocumentService';
import { isDomainError } from '../../../lib/errors/DomainError';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';

const person = (id: string, role: PersonActor['role'] = 'citizen'): PersonActor => ({
  kind: 'person',
  id,
  role,
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
});
const owner = person('p_ejer');
const reader = person('p_laeser');
const stranger = person('p_fremmed');
const anonymous: Actor = { kind: 'anonymous' };

/** A private document owned by `owner`, readable by `reader`, on in-memory stores. */
async function setup() {
  const documents = createDocumentService({ store: new MemoryDocumentStore(), metadata: new MemoryMetadataStore() });
  const meta = await documents.create({ title: 'Udkast', template: 'blank', createdBy: { id: owner.id, name: 'Ejer' } });
  await documents.setGrants(meta.id, [...meta.grants, { subject: 'person', personId: reader.id, role: 'viewer' }]);
  const id = parseDocumentId(meta.id) as DocumentId;
  return { documents, acts: createDocumentActs(documents), id };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return isDomainError(error) ? { kind: error.kind, code: error.code } : error;
};

describe('the access gate', () => {
  it('passes what can() allows and hands back what it loaded', async () => {
    const { documents, id } = await setup();
    const passed = await passGate({
      actor: owner,
      action: 'manage_access',
      load: () => documents.get(id),
      resourceOf: (meta) => documentResourceOf(meta),
    });
    expect(passed.found.id).toBe(id);
    expect(passed.resource.kind).toBe('document');
  });

  it('answers not found for a missing resource and for one the actor may not view, forbidden for one they may view', async () => {
    const { documents, id } = await setup();
    const gate = (actor: Actor, action: 'view' | 'edit', docId: string) =>
      passGate({ actor, action, load: () => documents.get(docId), resourceOf: (meta) => documentResourceOf(meta) });
    expect(await refusal(gate(owner, 'view', 'nope'))).toEqual({ kind: 'not_found', code: 'not_found' });
    expect(await refusal(gate(stranger, 'view', id))).toEqual({ kind: 'not_found', code: 'not_found' });
    // Asking for more than view does not reveal the document either.
    expect(await refusal(gate(stranger, 'edit', id))).toEqual({ kind: 'not_found', code: 'not_found' });
    expect(await refusal(gate(reader, 'edit', id))).toEqual({ kind: 'forbidden', code: 'forbidden' });
  });

  it("gives a service's own refusals, told whether the thing exists and can()'s reason", async () => {
    const { documents, id } = await setup();
    const seen: string[] = [];
    const refuse = {
      hidden: (exists: boolean) => (seen.push(`hidden:${exists}`), new Error('hidden')),
      denied: (reason: string) => (seen.push(`denied:${reason}`), new Error('denied')),
    };
    const gate = (actor: Actor, docId: string) =>
      passGate({ actor, action: 'edit', load: () => documents.get(docId), resourceOf: (meta) => documentResourceOf(meta), refuse });
    await expect(gate(anonymous, 'nope')).rejects.toThrow('hidden');
    await expect(gate(anonymous, id)).rejects.toThrow('hidden');
    await expect(gate(reader, id)).rejects.toThrow('denied');
    expect(seen).toEqual(['hidden:false', 'hidden:true', 'denied:role_insufficient']);
  });

  it('judges a loaded resource without throwing', () => {
    const resource = { kind: 'platform' } as const;
    expect(judge(person('p_admin', 'admin'), 'administer', resource)).toEqual({ pass: true });
    expect(judge(owner, 'administer', resource)).toMatchObject({ pass: false });
    expect(judge(owner, 'view', null)).toMatchObject({ pass: false, refusal: 'hidden' });
  });
});

describe('document acts go through the gate, whatever the caller checked', () => {
  it('the owner renames, shares and changes the phase', async () => {
    const { acts, id } = await setup();
    expect((await acts.rename(owner, id, 'Nyt navn')).title).toBe('Nyt navn');
    expect((await acts.setVisibility(owner, id, 'public')).visibility).toBe('public');
    expect((await acts.setState(owner, id, 'in_review')).state).toBe('in_review');
  });

  it('a reader is refused with forbidden and nothing changes', async () => {
    const { acts, documents, id } = await setup();
    expect(await refusal(acts.rename(reader, id, 'Kapret'))).toEqual({ kind: 'forbidden', code: 'forbidden' });
    expect(await refusal(acts.setGrants(reader, id, []))).toEqual({ kind: 'forbidden', code: 'forbidden' });
    expect(await refusal(acts.resetHistory(reader, id))).toEqual({ kind: 'forbidden', code: 'forbidden' });
    const meta = await documents.get(id);
    expect(meta?.title).toBe('Udkast');
    expect(meta?.grants).toHaveLength(2);
    expect(meta?.epoch).toBe(1);
  });

  it('someone who may not view learns nothing: not found, as for a document that does not exist', async () => {
    const { acts, documents, id } = await setup();
    expect(await refusal(acts.setVisibility(stranger, id, 'public'))).toEqual({ kind: 'not_found', code: 'not_found' });
    expect(await refusal(acts.setVisibility(anonymous, id, 'public'))).toEqual({ kind: 'not_found', code: 'not_found' });
    expect(await refusal(acts.open(owner, 'missing' as DocumentId, 'view'))).toEqual({ kind: 'not_found', code: 'not_found' });
    expect((await documents.get(id))?.visibility).toBe('private');
  });
});

describe('document ids at the edge', () => {
  it('parses a safe id and refuses anything else', () => {
    expect(parseDocumentId('abc_DEF-123')).toBe('abc_DEF-123');
    for (const raw of ['', '../etc', 'a b', 'x'.repeat(65), 42, null, undefined]) expect(parseDocumentId(raw)).toBeNull();
  });
});

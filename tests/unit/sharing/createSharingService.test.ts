import { describe, expect, it } from 'vitest';
import type { PersonActor } from '../../../lib/access/model';
import { hashSessionId } from '../../../lib/auth/sessionId';
import type { DocumentId } from '../../../lib/documentId';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { createSharingService } from '../../../server/sharing/createSharingService';
import { MemorySharingStore } from '../../../server/sharing/MemorySharingStore';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';

const personActor = (id: string): PersonActor => ({
  kind: 'person',
  id,
  role: 'citizen',
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
});
const owner = personActor('p_ejer');
const bent = personActor('p_bent');

async function setup() {
  const documents = createDocumentService({ store: new MemoryDocumentStore(), metadata: new MemoryMetadataStore() });
  const store = new MemorySharingStore();
  let clock = Date.parse('2026-11-26T10:00:00Z');
  const sharing = createSharingService({ store, documents, now: () => new Date(clock) });
  const meta = await documents.create({ title: 'Udkast', template: 'blank', createdBy: { id: owner.id, name: 'Ejer' } });
  const changed: string[] = [];
  documents.onAccessChanged((id) => changed.push(id));
  return { documents, store, sharing, id: meta.id as DocumentId, changed, advance: (ms: number) => (clock += ms) };
}

describe('invite links', () => {
  it('stores only the hash of the token and grants the role to whoever accepts', async () => {
    const { sharing, store, documents, id, changed } = await setup();
    const { token, invite } = await sharing.createInvite(owner, id, 'editor', 7);
    expect(invite.tokenHash).toBe(hashSessionId(token));
    expect(JSON.stringify(await store.listInvites(id))).not.toContain(token);
    expect(await sharing.acceptInvite(bent, token)).toBe(id);
    expect((await documents.resource(id))?.grants).toContainEqual({ subject: 'person', personId: bent.id, role: 'editor' });
    expect(changed).toEqual([id]);
    expect((await sharing.listInvites(owner, id))[0]?.uses).toBe(1);
  });

  it('never lowers a stronger role the person already holds', async () => {
    const { sharing, documents, id } = await setup();
    const { token } = await sharing.createInvite(owner, id, 'viewer', 1);
    await sharing.acceptInvite(owner, token);
    expect((await documents.resource(id))?.grants).toEqual([{ subject: 'person', personId: owner.id, role: 'owner' }]);
  });

  it('refuses an expired, a revoked and an unknown link', async () => {
    const { sharing, id, advance } = await setup();
    const expiring = await sharing.createInvite(owner, id, 'editor', 1);
    const revoked = await sharing.createInvite(owner, id, 'editor', 30);
    await sharing.revokeInvite(owner, id, revoked.invite.id);
    advance(24 * 60 * 60 * 1000);
    await expect(sharing.acceptInvite(bent, expiring.token)).rejects.toMatchObject({ code: 'invite_expired' });
    await expect(sharing.acceptInvite(bent, revoked.token)).rejects.toMatchObject({ code: 'invite_revoked' });
    await expect(sharing.acceptInvite(bent, 'x'.repeat(43))).rejects.toMatchObject({ code: 'invite_unknown' });
    expect((await sharing.inspectInvite(expiring.token)).status).toBe('expired');
  });

  it('lets only those who manage access create, list and revoke links', async () => {
    const { sharing, id } = await setup();
    await expect(sharing.createInvite(bent, id, 'editor', 7)).rejects.toMatchObject({ code: 'not_found' });
    await expect(sharing.listInvites(bent, id)).rejects.toMatchObject({ code: 'not_found' });
    const { token, invite } = await sharing.createInvite(owner, id, 'viewer', 7);
    await sharing.acceptInvite(bent, token);
    await expect(sharing.revokeInvite(bent, id, invite.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('asking to co-author', () => {
  async function withReader() {
    const context = await setup();
    const { token } = await context.sharing.createInvite(owner, context.id, 'viewer', 7);
    await context.sharing.acceptInvite(bent, token);
    return context;
  }

  it('a reader asks once; the owner approves and the reader becomes an editor', async () => {
    const { sharing, documents, id } = await withReader();
    const request = await sharing.requestCoAuthorship(bent, id, 'Jeg vil gerne hjælpe');
    await expect(sharing.requestCoAuthorship(bent, id, 'Igen')).rejects.toMatchObject({ code: 'request_pending' });
    expect(await sharing.listRequests(owner, id)).toEqual([request]);
    expect(await sharing.decideRequest(owner, id, request.id, 'approve')).toMatchObject({ state: 'approved', decidedBy: owner.id });
    expect((await documents.resource(id))?.grants).toContainEqual({ subject: 'person', personId: bent.id, role: 'editor' });
    expect(await sharing.ownRequest(bent, id)).toMatchObject({ state: 'approved' });
    await expect(sharing.decideRequest(owner, id, request.id, 'decline')).rejects.toMatchObject({ code: 'request_decided' });
  });

  it('a declined request grants nothing', async () => {
    const { sharing, documents, id } = await withReader();
    const request = await sharing.requestCoAuthorship(bent, id, '');
    await sharing.decideRequest(owner, id, request.id, 'decline');
    expect((await documents.resource(id))?.grants).toContainEqual({ subject: 'person', personId: bent.id, role: 'viewer' });
  });

  it('refuses those who cannot view, those who can already edit, and deciding without managing access', async () => {
    const { sharing, id } = await withReader();
    await expect(sharing.requestCoAuthorship(personActor('p_fremmed'), id, '')).rejects.toMatchObject({ code: 'not_found' });
    await expect(sharing.requestCoAuthorship(owner, id, '')).rejects.toMatchObject({ code: 'request_not_needed' });
    const request = await sharing.requestCoAuthorship(bent, id, '');
    await expect(sharing.decideRequest(bent, id, request.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
  });
});

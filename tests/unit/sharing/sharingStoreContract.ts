/**
 * The SharingStore contract (lib/sharing/SharingStore.ts), run against every implementation:
 * MemorySharingStore.test.ts and LowSharingStore.test.ts call `sharingStoreContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PendingRequestExistsError, type CoAuthorRequest, type Invite, type SharingStore } from '../../../lib/sharing/SharingStore';

export function sampleInvite(id: string, overrides: Partial<Invite> = {}): Invite {
  return {
    id,
    documentId: 'dok-1',
    tokenHash: `hash-${id}`,
    role: 'editor',
    createdBy: 'p_ejer',
    createdAt: '2026-11-01T10:00:00.000Z',
    expiresAt: '2026-11-08T10:00:00.000Z',
    uses: 0,
    ...overrides,
  };
}

export function sampleRequest(id: string, overrides: Partial<CoAuthorRequest> = {}): CoAuthorRequest {
  return {
    id,
    documentId: 'dok-1',
    personId: 'p_laeser',
    message: 'Må jeg skrive med?',
    state: 'pending',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

export function sharingStoreContract(name: string, makeStore: () => SharingStore | Promise<SharingStore>): void {
  describe(`${name} (SharingStore contract)`, () => {
    let store: SharingStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('has nothing at first', async () => {
      expect(await store.listInvites('dok-1')).toEqual([]);
      expect(await store.listRequests('dok-1')).toEqual([]);
      expect(await store.getInvite('i_x')).toBeNull();
      expect(await store.getInviteByTokenHash('hash-x')).toBeNull();
      expect(await store.getRequest('r_x')).toBeNull();
    });

    it('finds an invite by id and by token hash, and lists a document’s invites oldest first', async () => {
      await store.createInvite(sampleInvite('i_b', { createdAt: '2026-11-02T00:00:00.000Z' }));
      await store.createInvite(sampleInvite('i_a'));
      await store.createInvite(sampleInvite('i_other', { documentId: 'dok-2' }));
      expect(await store.getInvite('i_a')).toEqual(sampleInvite('i_a'));
      expect(await store.getInviteByTokenHash('hash-i_b')).toMatchObject({ id: 'i_b' });
      expect((await store.listInvites('dok-1')).map((invite) => invite.id)).toEqual(['i_a', 'i_b']);
    });

    it('refuses a second invite with the same id', async () => {
      await store.createInvite(sampleInvite('i_a'));
      await expect(store.createInvite(sampleInvite('i_a', { role: 'viewer' }))).rejects.toThrow(/exists/);
      expect((await store.getInvite('i_a'))?.role).toBe('editor');
    });

    it('records revocation and uses, and returns null for an unknown invite', async () => {
      await store.createInvite(sampleInvite('i_a'));
      // Two acceptances at once both count.
      await Promise.all([store.recordInviteUse('i_a'), store.recordInviteUse('i_a')]);
      expect(await store.updateInvite('i_a', { revokedAt: '2026-11-03T00:00:00.000Z' })).toMatchObject({
        uses: 2,
        revokedAt: '2026-11-03T00:00:00.000Z',
      });
      expect(await store.getInvite('i_a')).toMatchObject({ uses: 2, revokedAt: '2026-11-03T00:00:00.000Z' });
      expect(await store.updateInvite('i_unknown', { revokedAt: '2026-11-03T00:00:00.000Z' })).toBeNull();
      expect(await store.recordInviteUse('i_unknown')).toBeNull();
    });

    it('hands out copies: changing what it returned changes nothing stored', async () => {
      const created = await store.createInvite(sampleInvite('i_a'));
      (created as { uses: number }).uses = 99;
      const listed = await store.listInvites('dok-1');
      (listed[0] as { uses: number }).uses = 98;
      expect((await store.getInvite('i_a'))?.uses).toBe(0);
    });

    it('keeps one pending request per person and document', async () => {
      await store.createRequest(sampleRequest('r_1'));
      await expect(store.createRequest(sampleRequest('r_2'))).rejects.toBeInstanceOf(PendingRequestExistsError);
      // Another document, or another person, is fine.
      await store.createRequest(sampleRequest('r_3', { documentId: 'dok-2' }));
      await store.createRequest(sampleRequest('r_4', { personId: 'p_andre' }));
      expect((await store.listRequests('dok-1')).map((request) => request.id)).toEqual(['r_1', 'r_4']);
    });

    it('allows a new request once the earlier one is decided', async () => {
      await store.createRequest(sampleRequest('r_1'));
      const decided = await store.updateRequest('r_1', { state: 'declined', decidedAt: '2026-11-02T00:00:00.000Z', decidedBy: 'p_ejer' });
      expect(decided).toMatchObject({ state: 'declined', decidedBy: 'p_ejer' });
      await store.createRequest(sampleRequest('r_2', { createdAt: '2026-11-03T00:00:00.000Z' }));
      expect((await store.listRequests('dok-1')).map((request) => [request.id, request.state])).toEqual([
        ['r_1', 'declined'],
        ['r_2', 'pending'],
      ]);
      expect(await store.updateRequest('r_unknown', { state: 'approved' })).toBeNull();
      expect(await store.getRequest('r_2')).toEqual(sampleRequest('r_2', { createdAt: '2026-11-03T00:00:00.000Z' }));
    });
  });
}

import type { CoAuthorRequest, CoAuthorRequestPatch, Invite, InvitePatch, SharingStore } from '../../lib/sharing/SharingStore';
import {
  addInvite,
  addRequest,
  countInviteUse,
  emptySharingData,
  findInvite,
  findInviteByHash,
  findRequest,
  invitesOf,
  patchInvite,
  patchRequest,
  requestsOf,
  type SharingData,
} from './SharingData';

/** In-memory SharingStore for unit tests. Same contract as LowSharingStore, no file. */
export class MemorySharingStore implements SharingStore {
  private data: SharingData = emptySharingData();

  async createInvite(invite: Invite): Promise<Invite> {
    this.data = addInvite(this.data, invite);
    return structuredClone(invite);
  }
  async getInvite(id: string): Promise<Invite | null> {
    return structuredClone(findInvite(this.data, id));
  }
  async getInviteByTokenHash(tokenHash: string): Promise<Invite | null> {
    return structuredClone(findInviteByHash(this.data, tokenHash));
  }
  async listInvites(documentId: string): Promise<Invite[]> {
    return structuredClone(invitesOf(this.data, documentId));
  }
  async updateInvite(id: string, patch: InvitePatch): Promise<Invite | null> {
    const { data, result } = patchInvite(this.data, id, patch);
    this.data = data;
    return structuredClone(result);
  }
  async recordInviteUse(id: string): Promise<Invite | null> {
    const { data, result } = countInviteUse(this.data, id);
    this.data = data;
    return structuredClone(result);
  }
  async createRequest(request: CoAuthorRequest): Promise<CoAuthorRequest> {
    this.data = addRequest(this.data, request);
    return structuredClone(request);
  }
  async getRequest(id: string): Promise<CoAuthorRequest | null> {
    return structuredClone(findRequest(this.data, id));
  }
  async listRequests(documentId: string): Promise<CoAuthorRequest[]> {
    return structuredClone(requestsOf(this.data, documentId));
  }
  async updateRequest(id: string, patch: CoAuthorRequestPatch): Promise<CoAuthorRequest | null> {
    const { data, result } = patchRequest(this.data, id, patch);
    this.data = data;
    return structuredClone(result);
  }
  async close(): Promise<void> {}
}

/**
 * SharingStore in a lowdb JSON file (`<DATA_DIR>/access.json`), written through SerialJsonFile
 * (serialised, durable, rolled back on a failed write). This process must be the file's only writer.
 */
import { SerialJsonFile } from '../storage/SerialJsonFile';
import { parseStoreFile } from '../storage/parseStoreFile';
import { sharingFileSchema } from './sharingFileSchema';
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

export class LowSharingStore implements SharingStore {
  private readonly file: SerialJsonFile<SharingData>;

  /** @param path normally `<DATA_DIR>/access.json`; created on the first write. */
  constructor(path: string) {
    this.file = new SerialJsonFile(path, { what: 'invites and requests', empty: emptySharingData, parse: parseSharingFile });
  }

  createInvite(invite: Invite): Promise<Invite> {
    return this.change((data) => ({ data: addInvite(data, invite), result: structuredClone(invite) }));
  }
  async getInvite(id: string): Promise<Invite | null> {
    return structuredClone(findInvite(await this.data(), id));
  }
  async getInviteByTokenHash(tokenHash: string): Promise<Invite | null> {
    return structuredClone(findInviteByHash(await this.data(), tokenHash));
  }
  async listInvites(documentId: string): Promise<Invite[]> {
    return structuredClone(invitesOf(await this.data(), documentId));
  }
  updateInvite(id: string, patch: InvitePatch): Promise<Invite | null> {
    return this.change((data) => patchInvite(data, id, patch));
  }
  recordInviteUse(id: string): Promise<Invite | null> {
    return this.change((data) => countInviteUse(data, id));
  }
  createRequest(request: CoAuthorRequest): Promise<CoAuthorRequest> {
    return this.change((data) => ({ data: addRequest(data, request), result: structuredClone(request) }));
  }
  async getRequest(id: string): Promise<CoAuthorRequest | null> {
    return structuredClone(findRequest(await this.data(), id));
  }
  async listRequests(documentId: string): Promise<CoAuthorRequest[]> {
    return structuredClone(requestsOf(await this.data(), documentId));
  }
  updateRequest(id: string, patch: CoAuthorRequestPatch): Promise<CoAuthorRequest | null> {
    return this.change((data) => patchRequest(data, id, patch));
  }

  /** Waits for every write issued so far. */
  close(): Promise<void> {
    return this.file.close();
  }

  private data(): Promise<SharingData> {
    return this.file.view();
  }

  private change<T>(next: (data: SharingData) => { data: SharingData; result: T }): Promise<T> {
    return this.file.change(next);
  }
}

function parseSharingFile(raw: unknown): SharingData {
  return parseStoreFile(sharingFileSchema, raw) as SharingData;
}

/**
 * SharingStore in a lowdb JSON file (`<DATA_DIR>/access.json`), written like LowMetadataStore:
 * DurableJSONFile (temp file, fsync, rename), changes serialised, a failed write puts the previous
 * data back. This process must be the file's only writer.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from '../storage/DurableJSONFile';
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
  private readonly db: Low<SharingData>;
  private opened: Promise<void> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  /** @param file normally `<DATA_DIR>/access.json`; created on the first write. */
  constructor(private readonly file: string) {
    this.db = new Low<SharingData>(new DurableJSONFile<SharingData>(file), emptySharingData());
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
  async close(): Promise<void> {
    await this.writes.catch(() => undefined);
  }

  private async data(): Promise<SharingData> {
    this.opened ??= this.read();
    try {
      await this.opened;
    } catch (error) {
      this.opened = null; // a later call tries again (e.g. after an operator fixed the file)
      throw error;
    }
    return this.db.data;
  }

  private async read(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    try {
      await this.db.read();
    } catch (error) {
      throw new Error(`cannot read invites and requests from ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    const data = this.db.data as Partial<SharingData> | null;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new Error(`cannot read invites and requests from ${this.file}: expected a JSON object`);
    }
    this.db.data = { ...data, invites: data.invites ?? {}, requests: data.requests ?? {} };
  }

  /** One change at a time: compute the next data, write it, then make it current. */
  private change<T>(next: (data: SharingData) => { data: SharingData; result: T }): Promise<T> {
    const run = this.writes.then(async () => {
      const previous = await this.data();
      const { data, result } = next(previous);
      if (data === previous) return structuredClone(result);
      this.db.data = data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return structuredClone(result);
    });
    this.writes = run.catch(() => undefined);
    return run;
  }
}

/**
 * SharingStore in record collections (server/storage/RecordCollection.ts) under `<dir>` (normally
 * `<DATA_DIR>/records`): `invites` and `requests`, one append-only log each, so an invite, an
 * acceptance or a request costs one bounded durable append instead of a rewrite of `access.json`.
 * Indices: token hash → invite, document → invites and requests, (document, person) → the pending
 * request. Checks and the write they guard are one synchronous step (see CollectionSet).
 * On first start it imports `access.json` (see importLegacyFile) before anything else runs.
 */
import {
  PendingRequestExistsError,
  type CoAuthorRequest,
  type CoAuthorRequestPatch,
  type Invite,
  type InvitePatch,
  type SharingStore,
} from '../../lib/sharing/SharingStore';
import { CollectionSet, type CollectionOpener } from '../storage/CollectionSet';
import type { RecordCollection } from '../storage/RecordCollection';
import { importLegacyFile } from '../storage/importLegacyFile';
import { parseStoreFile } from '../storage/parseStoreFile';
import type { StoreLogger } from '../storage/readDocumentFiles';
import { emptySharingData, type SharingData } from './SharingData';
import { sharingFileSchema } from './sharingFileSchema';

export interface FileSharingStoreOptions {
  /** The record collections' directory, normally `<DATA_DIR>/records`. */
  readonly dir: string;
  /** Today's `access.json`, imported on first start and then renamed `access.json.imported-<time>`. */
  readonly importFrom?: string;
  readonly groupCommitMs?: number;
  readonly compactAfterRecords?: number;
  readonly logger?: StoreLogger & { info?(obj: object, msg?: string): void; error?(obj: object, msg?: string): void };
}

export type SharingCollections = {
  readonly invites: RecordCollection<Invite>;
  readonly requests: RecordCollection<CoAuthorRequest>;
};

const copy = <T>(value: T): T => structuredClone(value);
const byCreation = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);
const pendingKey = (request: Pick<CoAuthorRequest, 'documentId' | 'personId'>): string =>
  JSON.stringify([request.documentId, request.personId]);

export class FileSharingStore implements SharingStore {
  private readonly collections: CollectionSet<SharingCollections>;

  constructor(private readonly options: FileSharingStoreOptions) {
    const { dir, groupCommitMs = 0, compactAfterRecords, logger } = options;
    this.collections = new CollectionSet({ dir, groupCommitMs, compactAfterRecords, logger }, (open) => this.openAll(open));
  }

  /** Opens (and on first start imports) everything; rejects naming a damaged file. */
  open(): Promise<SharingCollections> {
    return this.collections.open();
  }

  async createInvite(invite: Invite): Promise<Invite> {
    const { invites } = await this.collections.ready();
    if (invites.has(invite.id)) throw new Error(`an invite with id ${invite.id} exists already`);
    const stored = copy(invite);
    await invites.put(stored.id, stored);
    return copy(stored);
  }

  async getInvite(id: string): Promise<Invite | null> {
    return copy((await this.collections.ready()).invites.get(id) ?? null);
  }

  async getInviteByTokenHash(tokenHash: string): Promise<Invite | null> {
    return copy((await this.collections.ready()).invites.find('tokenHash', tokenHash)[0] ?? null);
  }

  async listInvites(documentId: string): Promise<Invite[]> {
    return copy((await this.collections.ready()).invites.find('document', documentId).sort(byCreation));
  }

  async updateInvite(id: string, patch: InvitePatch): Promise<Invite | null> {
    return this.changeInvite(id, (invite) => ({ ...invite, ...patch }));
  }

  async recordInviteUse(id: string): Promise<Invite | null> {
    return this.changeInvite(id, (invite) => ({ ...invite, uses: invite.uses + 1 }));
  }

  async createRequest(request: CoAuthorRequest): Promise<CoAuthorRequest> {
    const { requests } = await this.collections.ready();
    if (requests.has(request.id)) throw new Error(`a request with id ${request.id} exists already`);
    if (requests.count('pending', pendingKey(request)) > 0) {
      throw new PendingRequestExistsError('a pending request from this person exists for this document');
    }
    const stored = copy(request);
    await requests.put(stored.id, stored);
    return copy(stored);
  }

  async getRequest(id: string): Promise<CoAuthorRequest | null> {
    return copy((await this.collections.ready()).requests.get(id) ?? null);
  }

  async listRequests(documentId: string): Promise<CoAuthorRequest[]> {
    return copy((await this.collections.ready()).requests.find('document', documentId).sort(byCreation));
  }

  async updateRequest(id: string, patch: CoAuthorRequestPatch): Promise<CoAuthorRequest | null> {
    const { requests } = await this.collections.ready();
    const request = requests.get(id);
    if (!request) return null;
    const updated: CoAuthorRequest = { ...request, ...patch };
    await requests.put(id, updated);
    return copy(updated);
  }

  /** Copies of every invite and request of every document (access.json imported first): what `npm run migrate:data` copies. */
  async exportAll(): Promise<{ invites: Invite[]; requests: CoAuthorRequest[] }> {
    const { invites, requests } = await this.collections.ready();
    return copy({ invites: [...invites.values()], requests: [...requests.values()] });
  }

  /** Waits for every write issued so far and closes the logs. */
  close(): Promise<void> {
    return this.collections.close();
  }

  private async changeInvite(id: string, change: (invite: Invite) => Invite): Promise<Invite | null> {
    const { invites } = await this.collections.ready();
    const invite = invites.get(id);
    if (!invite) return null;
    const updated = change(invite);
    await invites.put(id, updated);
    return copy(updated);
  }

  private async openAll(open: CollectionOpener): Promise<SharingCollections> {
    const collections: SharingCollections = {
      invites: await open<Invite>('invites', {
        tokenHash: (invite) => [invite.tokenHash],
        document: (invite) => [invite.documentId],
      }),
      requests: await open<CoAuthorRequest>('requests', {
        document: (request) => [request.documentId],
        pending: (request) => (request.state === 'pending' ? [pendingKey(request)] : []),
      }),
    };
    const path = this.options.importFrom;
    if (path) {
      const moved = await importLegacyFile<SharingData>(
        {
          path,
          what: 'invites and requests',
          empty: emptySharingData,
          parse: (raw) => parseStoreFile(sharingFileSchema, raw) as SharingData,
        },
        // Puts under each record's own key: importing again after a crash overwrites, never duplicates.
        async (data) => {
          await Promise.all([
            ...Object.values(data.invites).map((invite) => collections.invites.put(invite.id, invite)),
            ...Object.values(data.requests).map((request) => collections.requests.put(request.id, request)),
          ]);
        },
      );
      if (moved) this.options.logger?.info?.({ from: path, keptAs: moved }, 'imported access.json into the record store');
    }
    return collections;
  }
}

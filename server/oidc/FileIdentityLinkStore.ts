/**
 * IdentityLinkStore as one record collection, `identity_links`, under `<DATA_DIR>/records` (see
 * server/storage/RecordCollection.ts), indexed by person. The check that a `sub` is not linked yet
 * and the write it guards are one synchronous step, so two sign-ins at once cannot link one `sub`
 * to two people.
 */
import type { IdentityLink, IdentityLinkStore } from '../../lib/oidc/IdentityLinkStore';
import { CollectionSet } from '../storage/CollectionSet';
import type { RecordCollection } from '../storage/RecordCollection';
import type { StoreLogger } from '../storage/readDocumentFiles';

export interface FileIdentityLinkStoreOptions {
  /** The record collections' directory, normally `<DATA_DIR>/records`. */
  readonly dir: string;
  readonly groupCommitMs?: number;
  readonly logger?: StoreLogger & { error?(obj: object, msg?: string): void };
}

type Collections = { readonly links: RecordCollection<IdentityLink> };

const keyOf = (providerId: string, subject: string) => JSON.stringify([providerId, subject]);

export class FileIdentityLinkStore implements IdentityLinkStore {
  private readonly collections: CollectionSet<Collections>;

  constructor({ dir, groupCommitMs = 0, logger }: FileIdentityLinkStoreOptions) {
    this.collections = new CollectionSet({ dir, groupCommitMs, logger }, async (open) => ({
      links: await open<IdentityLink>('identity_links', { person: (link) => [link.personId] }),
    }));
  }

  /** Opens the log; rejects naming a damaged file (checked at start, before anything is served). */
  open(): Promise<Collections> {
    return this.collections.open();
  }

  async get(providerId: string, subject: string): Promise<IdentityLink | null> {
    const link = (await this.collections.ready()).links.get(keyOf(providerId, subject));
    return link ? { ...link } : null;
  }

  async add(link: IdentityLink): Promise<boolean> {
    const { links } = await this.collections.ready();
    const key = keyOf(link.providerId, link.subject);
    if (links.has(key)) return false;
    await links.put(key, { ...link });
    return true;
  }

  async touch(providerId: string, subject: string, at: string): Promise<void> {
    const { links } = await this.collections.ready();
    const key = keyOf(providerId, subject);
    const link = links.get(key);
    if (link) await links.put(key, { ...link, lastUsedAt: at });
  }

  async linksOf(personId: string): Promise<IdentityLink[]> {
    const { links } = await this.collections.ready();
    return links
      .find('person', personId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((link) => ({ ...link }));
  }

  async deleteLinksOf(personId: string): Promise<number> {
    const { links } = await this.collections.ready();
    const mine = links.find('person', personId);
    await Promise.all(mine.map((link) => links.delete(keyOf(link.providerId, link.subject))));
    return mine.length;
  }

  /** Every link: what `npm run migrate:data` copies. */
  async exportAll(): Promise<IdentityLink[]> {
    return [...(await this.collections.ready()).links.values()].map((link) => ({ ...link }));
  }

  close(): Promise<void> {
    return this.collections.close();
  }
}

import type { IdentityLink, IdentityLinkStore } from '../../lib/oidc/IdentityLinkStore';

const keyOf = (providerId: string, subject: string) => JSON.stringify([providerId, subject]);

/** IdentityLinkStore in memory, for tests. */
export class MemoryIdentityLinkStore implements IdentityLinkStore {
  private readonly links = new Map<string, IdentityLink>();

  async get(providerId: string, subject: string): Promise<IdentityLink | null> {
    const link = this.links.get(keyOf(providerId, subject));
    return link ? { ...link } : null;
  }

  async add(link: IdentityLink): Promise<boolean> {
    const key = keyOf(link.providerId, link.subject);
    if (this.links.has(key)) return false;
    this.links.set(key, { ...link });
    return true;
  }

  async touch(providerId: string, subject: string, at: string): Promise<void> {
    const key = keyOf(providerId, subject);
    const link = this.links.get(key);
    if (link) this.links.set(key, { ...link, lastUsedAt: at });
  }

  async linksOf(personId: string): Promise<IdentityLink[]> {
    return [...this.links.values()]
      .filter((link) => link.personId === personId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((link) => ({ ...link }));
  }

  async deleteLinksOf(personId: string): Promise<number> {
    let deleted = 0;
    for (const [key, link] of this.links) {
      if (link.personId === personId && this.links.delete(key)) deleted += 1;
    }
    return deleted;
  }

  async close(): Promise<void> {}
}

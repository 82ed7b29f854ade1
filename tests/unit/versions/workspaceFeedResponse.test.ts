/**
 * A workspace's Atom feed lists its own published versions even when other documents published
 * far more since: the version service is asked for the workspace's documents only, not for the
 * newest FEED_SCAN versions anywhere (which here are all another workspace's).
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../lib/access/model';
import { setServices, type Services } from '../../../lib/services';
import { FEED_SCAN } from '../../../app/_public/versionFeedResponse';
import { workspaceFeedResponse } from '../../../app/_public/workspaceFeedResponse';
import { createDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { createVersionService } from '../../../server/versions/createVersionService';
import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
import { sampleVersion } from './versionStoreContract';

const ORIGIN = 'https://samskriv.example';
const OTHER_VERSIONS = 600;
const member: Actor = { kind: 'person', id: 'p_mette', role: 'staff', disabled: false, organisationIds: [], workspaceIds: ['w_kultur'] };

afterEach(() => setServices(undefined));

function entryLinks(xml: string): string[] {
  const document = new new Window().DOMParser().parseFromString(xml, 'application/xml');
  return Array.from(document.getElementsByTagName('entry')).map(
    (entry) =>
      Array.from(entry.children)
        .find((child) => child.localName === 'link')
        ?.getAttribute('href') ?? '',
  );
}

describe('workspaceFeedResponse', () => {
  it(`shows the workspace’s own versions when ${OTHER_VERSIONS} newer versions exist elsewhere`, async () => {
    const documents = createDocumentService({ store: new MemoryDocumentStore(), metadata: new MemoryMetadataStore(), touchDelayMs: 5 });
    const store = new MemoryVersionStore();
    const versions = createVersionService({
      store,
      documents,
      readDocumentState: () => Promise.reject(new Error('not read by feeds')),
      personOf: async (actor) => ({ id: actor.id, name: actor.id }),
    });
    setServices({ documents, versions } as unknown as Services);
    const createdBy = { id: 'p_sara', name: 'Sara Stab' };
    const own = await documents.create({ title: 'Budget for fritidsklubben', template: 'blank', createdBy, workspaceId: 'w_kultur' });
    await documents.setVisibility(own.id, 'workspace');
    const busy = await documents.create({ title: 'Dagsordener', template: 'blank', createdBy, workspaceId: 'w_teknik' });
    await documents.setVisibility(busy.id, 'workspace');

    await store.add(sampleVersion(own.id, 1, { publishedAt: '2026-11-01T10:00:00.000Z' }));
    const base = sampleVersion(busy.id, 1);
    for (let number = 1; number <= OTHER_VERSIONS; number += 1) {
      await store.add({ ...base, number, publishedAt: new Date(Date.parse('2026-12-01T00:00:00Z') + number * 60_000).toISOString() });
    }
    // Across all documents, the newest FEED_SCAN are all the other workspace's: a scan of them misses ours.
    expect((await versions.recentPublished(FEED_SCAN)).some((version) => version.documentId === own.id)).toBe(false);

    const response = await workspaceFeedResponse({ id: 'w_kultur', name: 'Kultur og fritid' }, member, ORIGIN);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(entryLinks(await response.text())).toEqual([`${ORIGIN}/p/${own.id}/v/1`]);
  });
});

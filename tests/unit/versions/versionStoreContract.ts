/**
 * The VersionStore contract (lib/versions/VersionStore.ts), run against every implementation:
 * MemoryVersionStore.test.ts, FileVersionStore.test.ts and tests/unit/postgres/PgVersionStore.test.ts
 * call `versionStoreContract`. `reopen`, when given, makes a second store on the same data (a
 * restart): what the first stored is there, and numbers and keys stay taken.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import type { VersionStore } from '../../../lib/versions/VersionStore';
import type { NewVersion, VersionContributor, VersionKind, VersionSummary } from '../../../lib/versions/model';
import { contentHash } from '../../../lib/versions/contentHash';
import { appendParagraph } from '../../helpers/bodyDoc';
import { bodyJsonOf } from '../../../lib/versions/bodyJsonOf';
import { renderBodyHtml } from '../../../lib/versions/renderBodyHtml';

export interface VersionStoreHarness {
  /** A new, empty store. */
  make(): Promise<VersionStore>;
  /** Another store on the data of the last one made (the process restarted), when the store persists. */
  reopen?(): Promise<VersionStore>;
}

/** A version whose content is whole: its hash is the hash of its title and body. */
export function sampleVersion(
  documentId: string,
  number: number,
  overrides: { kind?: VersionKind; text?: string; title?: string; publishedAt?: string; idempotencyKey?: string | null } = {},
): NewVersion {
  const doc = new Y.Doc();
  appendParagraph(doc, overrides.text ?? `Tekst ${documentId} ${number} – æøå`);
  const yjsState = Y.encodeStateAsUpdate(doc);
  const body: JSONContent = bodyJsonOf(yjsState);
  const title = overrides.title ?? `Plan ${documentId}`;
  return {
    documentId,
    number,
    kind: overrides.kind ?? 'published',
    title,
    summary: `Ændringer i ${number}`,
    publishedAt: overrides.publishedAt ?? `2026-12-0${Math.min(number, 9)}T10:00:00.000Z`,
    publishedBy: { id: 'p_mod', name: 'Mette Moderator' },
    closesPhase: 'consultation',
    hash: contentHash(title, body),
    content: { yjsState, body, html: renderBodyHtml(body) },
    idempotencyKey: overrides.idempotencyKey === undefined ? null : overrides.idempotencyKey,
  };
}

/** Contributors as publishing freezes them: a person for an organisation, a person, an API key, the template. */
export const SAMPLE_CONTRIBUTORS: readonly VersionContributor[] = [
  { kind: 'person', personId: 'p_anne', name: 'Anne Jensen', organisation: 'Foreningen Havnen' },
  { kind: 'person', personId: 'p_bo', name: 'Bo Ærø', organisation: null },
  { kind: 'apiKey', personId: null, name: 'Borgerportalen', organisation: null },
  { kind: 'template', personId: null, name: 'Skabelon', organisation: null },
];

function summaryOf(version: NewVersion): VersionSummary {
  const { content: _content, idempotencyKey: _key, ...summary } = version;
  return summary;
}

export function versionStoreContract(name: string, harness: VersionStoreHarness): void {
  describe(`${name} (VersionStore contract)`, () => {
    let store: VersionStore;
    const open: VersionStore[] = [];

    beforeEach(async () => {
      store = await harness.make();
      open.push(store);
    });
    afterEach(async () => {
      for (const each of open.splice(0)) await each.close();
    });

    it('keeps a version whole and gives it back', async () => {
      const version = sampleVersion('docA', 1, { idempotencyKey: 'key-1' });
      expect(await store.add(version)).toBe('added');
      const stored = await store.get('docA', 1);
      expect(stored).not.toBeNull();
      const { idempotencyKey: _key, ...expected } = version;
      expect({ ...stored!, content: { ...stored!.content, yjsState: Array.from(stored!.content.yjsState) } }).toEqual({
        ...expected,
        content: { ...expected.content, yjsState: Array.from(expected.content.yjsState) },
      });
      expect(stored!.content.yjsState).toBeInstanceOf(Uint8Array);
      // The state decodes to the same body.
      expect(bodyJsonOf(stored!.content.yjsState)).toEqual(version.content.body);
      expect(contentHash(stored!.title, stored!.content.body)).toBe(stored!.hash);
    });

    it('answers null and empty for what it does not have', async () => {
      expect(await store.get('docA', 1)).toBeNull();
      expect(await store.list('docA')).toEqual([]);
      expect(await store.byIdempotencyKey('docA', 'k')).toBeNull();
      expect(await store.latestOf(['docA'])).toEqual(new Map());
      expect(await store.recent('published', 10)).toEqual([]);
    });

    it('never overwrites a number', async () => {
      expect(await store.add(sampleVersion('docA', 1, { text: 'først' }))).toBe('added');
      expect(await store.add(sampleVersion('docA', 1, { text: 'anden' }))).toBe('number_taken');
      const stored = await store.get('docA', 1);
      expect(stored!.content.body).toEqual(sampleVersion('docA', 1, { text: 'først' }).content.body);
      expect(await store.list('docA')).toHaveLength(1);
      // Numbers are per document.
      expect(await store.add(sampleVersion('docB', 1))).toBe('added');
    });

    it('refuses a second version for the same idempotency key, and finds the first by it', async () => {
      expect(await store.add(sampleVersion('docA', 1, { idempotencyKey: 'dobbeltklik' }))).toBe('added');
      expect(await store.add(sampleVersion('docA', 2, { idempotencyKey: 'dobbeltklik' }))).toBe('key_taken');
      expect(await store.get('docA', 2)).toBeNull();
      expect(await store.byIdempotencyKey('docA', 'dobbeltklik')).toEqual(summaryOf(sampleVersion('docA', 1)));
      // Keys are per document, and versions without a key never clash.
      expect(await store.byIdempotencyKey('docB', 'dobbeltklik')).toBeNull();
      expect(await store.add(sampleVersion('docB', 1, { idempotencyKey: 'dobbeltklik' }))).toBe('added');
      expect(await store.add(sampleVersion('docA', 2))).toBe('added');
      expect(await store.add(sampleVersion('docA', 3))).toBe('added');
    });

    it('lists newest first', async () => {
      for (const number of [1, 2, 3])
        await store.add(sampleVersion('docA', number, { kind: number === 1 ? 'consultation_draft' : 'published' }));
      const listed = await store.list('docA');
      expect(listed.map((version) => version.number)).toEqual([3, 2, 1]);
      expect(listed[2]).toEqual(summaryOf(sampleVersion('docA', 1, { kind: 'consultation_draft' })));
      expect(listed[0]).not.toHaveProperty('content');
    });

    it('gives the newest version of each document asked for', async () => {
      await store.add(sampleVersion('docA', 1));
      await store.add(sampleVersion('docA', 2, { kind: 'consultation_draft' }));
      await store.add(sampleVersion('docB', 1));
      const latest = await store.latestOf(['docA', 'docB', 'docC']);
      expect([...latest.keys()].sort()).toEqual(['docA', 'docB']);
      expect(latest.get('docA')).toEqual(summaryOf(sampleVersion('docA', 2, { kind: 'consultation_draft' })));
      expect(latest.get('docB')!.number).toBe(1);
      expect(await store.latestOf([])).toEqual(new Map());
    });

    it('gives the newest versions of a kind across documents, newest first, at most limit', async () => {
      await store.add(sampleVersion('docA', 1, { publishedAt: '2026-12-01T10:00:00.000Z' }));
      await store.add(sampleVersion('docB', 1, { publishedAt: '2026-12-03T10:00:00.000Z' }));
      await store.add(sampleVersion('docA', 2, { publishedAt: '2026-12-04T10:00:00.000Z', kind: 'consultation_draft' }));
      await store.add(sampleVersion('docC', 1, { publishedAt: '2026-12-02T10:00:00.000Z' }));
      const recent = await store.recent('published', 2);
      expect(recent.map((version) => `${version.documentId}/${version.number}`)).toEqual(['docB/1', 'docC/1']);
      expect((await store.recent('consultation_draft', 10)).map((version) => version.documentId)).toEqual(['docA']);
      expect(await store.recent('published', 0)).toEqual([]);
      // A version added after a first read is seen.
      await store.add(sampleVersion('docD', 1, { publishedAt: '2026-12-05T10:00:00.000Z' }));
      expect((await store.recent('published', 1))[0]!.documentId).toBe('docD');
    });

    it('gives the newest versions of a kind of only the documents asked for', async () => {
      await store.add(sampleVersion('docA', 1, { publishedAt: '2026-12-01T10:00:00.000Z' }));
      await store.add(sampleVersion('docA', 2, { publishedAt: '2026-12-02T10:00:00.000Z', kind: 'consultation_draft' }));
      await store.add(sampleVersion('docB', 1, { publishedAt: '2026-12-03T10:00:00.000Z' }));
      await store.add(sampleVersion('docB', 2, { publishedAt: '2026-12-04T10:00:00.000Z' }));
      await store.add(sampleVersion('docC', 1, { publishedAt: '2026-12-05T10:00:00.000Z' }));
      const keys = (versions: VersionSummary[]) => versions.map((version) => `${version.documentId}/${version.number}`);
      // docC's newer version is not asked for; docA's draft is not of the kind.
      expect(keys(await store.recent('published', 10, ['docA', 'docB']))).toEqual(['docB/2', 'docB/1', 'docA/1']);
      expect(keys(await store.recent('published', 2, ['docA', 'docB']))).toEqual(['docB/2', 'docB/1']);
      expect(keys(await store.recent('published', 1, ['docA']))).toEqual(['docA/1']);
      expect(keys(await store.recent('consultation_draft', 10, ['docA', 'docC']))).toEqual(['docA/2']);
      // An id asked for twice gives its versions once; unknown ids and no ids give none.
      expect(keys(await store.recent('published', 10, ['docA', 'docA', 'ukendt']))).toEqual(['docA/1']);
      expect(await store.recent('published', 10, [])).toEqual([]);
      expect(await store.recent('published', 0, ['docA'])).toEqual([]);
      // A version added after a first read is seen.
      await store.add(sampleVersion('docA', 3, { publishedAt: '2026-12-06T10:00:00.000Z' }));
      expect(keys(await store.recent('published', 1, ['docA', 'docB']))).toEqual(['docA/3']);
      // Without ids, every document counts.
      expect(keys(await store.recent('published', 2))).toEqual(['docA/3', 'docC/1']);
    });

    it('keeps one of two adds racing for the same number', async () => {
      const results = await Promise.all([
        store.add(sampleVersion('docA', 1, { text: 'a' })),
        store.add(sampleVersion('docA', 1, { text: 'b' })),
      ]);
      expect([...results].sort()).toEqual(['added', 'number_taken']);
      expect(await store.list('docA')).toHaveLength(1);
    });

    it('keeps one of two adds racing with the same key', async () => {
      const results = await Promise.all([
        store.add(sampleVersion('docA', 1, { idempotencyKey: 'k' })),
        store.add(sampleVersion('docA', 2, { idempotencyKey: 'k' })),
      ]);
      expect([...results].sort()).toEqual(['added', 'key_taken']);
      expect(await store.list('docA')).toHaveLength(1);
    });

    it('gives copies: changing what it returned changes nothing stored', async () => {
      const version = sampleVersion('docA', 1);
      await store.add(version);
      const first = await store.get('docA', 1);
      (first!.content.body.content as JSONContent[]).length = 0;
      first!.content.yjsState.fill(0);
      const again = await store.get('docA', 1);
      expect(again!.content.body).toEqual(version.content.body);
      expect(again!.content.yjsState).toEqual(version.content.yjsState);
    });

    it('keeps the contributors frozen with a version, in their order; one stored without them has none', async () => {
      await store.add({ ...sampleVersion('docA', 1), contributors: SAMPLE_CONTRIBUTORS });
      await store.add({ ...sampleVersion('docA', 2), contributors: [] });
      await store.add(sampleVersion('docA', 3));
      expect((await store.get('docA', 1))!.contributors).toEqual(SAMPLE_CONTRIBUTORS);
      expect((await store.get('docA', 2))!.contributors).toEqual([]);
      expect((await store.get('docA', 3))!.contributors ?? null).toBeNull();
      // Summaries (lists, feeds) stay without them.
      expect((await store.list('docA'))[2]).not.toHaveProperty('contributors');
      const first = await store.get('docA', 1);
      (first!.contributors![0] as { name: string }).name = 'ændret';
      expect((await store.get('docA', 1))!.contributors).toEqual(SAMPLE_CONTRIBUTORS);
    });

    if (harness.reopen) {
      const reopen = harness.reopen;
      it('keeps the contributors across a restart', async () => {
        await store.add({ ...sampleVersion('docA', 1), contributors: SAMPLE_CONTRIBUTORS });
        await store.add(sampleVersion('docA', 2));
        await store.close();
        open.splice(open.indexOf(store), 1);
        const again = await reopen();
        open.push(again);
        expect((await again.get('docA', 1))!.contributors).toEqual(SAMPLE_CONTRIBUTORS);
        expect((await again.get('docA', 2))!.contributors ?? null).toBeNull();
      });

      it('keeps versions, numbers and keys across a restart', async () => {
        await store.add(sampleVersion('docA', 1, { idempotencyKey: 'k1' }));
        await store.add(sampleVersion('docA', 2));
        await store.add(sampleVersion('docB', 1, { publishedAt: '2026-12-09T10:00:00.000Z' }));
        await store.close();
        open.splice(open.indexOf(store), 1);
        const again = await reopen();
        open.push(again);
        expect((await again.list('docA')).map((version) => version.number)).toEqual([2, 1]);
        expect(await again.add(sampleVersion('docA', 2, { text: 'ny' }))).toBe('number_taken');
        expect(await again.add(sampleVersion('docA', 3, { idempotencyKey: 'k1' }))).toBe('key_taken');
        expect((await again.byIdempotencyKey('docA', 'k1'))!.number).toBe(1);
        expect((await again.get('docA', 2))!.content.body).toEqual(sampleVersion('docA', 2).content.body);
        expect((await again.latestOf(['docA'])).get('docA')!.number).toBe(2);
        expect((await again.recent('published', 1))[0]).toEqual(
          summaryOf(sampleVersion('docB', 1, { publishedAt: '2026-12-09T10:00:00.000Z' })),
        );
        expect(await again.add(sampleVersion('docA', 3))).toBe('added');
      });
    }
  });
}

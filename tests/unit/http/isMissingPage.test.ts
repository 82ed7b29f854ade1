/**
 * Which paths the proxy looks up as document pages (the browser test in tests/e2e/publicPages.test.ts
 * shows the rewritten page itself). With a store that knows no document, every document page is
 * missing; other paths (the public feed, exports, other pages) are never looked up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMissingPage } from '../../../app/_server/isMissingPage';
import { setServices, type Services } from '../../../lib/services';

let asked: string[];

beforeEach(() => {
  asked = [];
  setServices({
    documents: {
      get: (id: string) => {
        asked.push(id);
        return Promise.resolve(null);
      },
    },
  } as unknown as Services);
});

afterEach(() => setServices(undefined));

describe('isMissingPage', () => {
  it('finds an unknown document’s public, version, editor, høringsnotat and compare pages missing', async () => {
    for (const path of [
      '/p/findes-ikke',
      '/p/findes-ikke/v/3',
      '/d/findes-ikke',
      '/d/findes-ikke/hoeringsnotat',
      '/d/findes-ikke/versions/compare',
    ]) {
      expect(await isMissingPage(path, undefined), path).toBe(true);
    }
    expect(asked).toEqual(Array(5).fill('findes-ikke'));
  });

  it('decodes the id as Next.js does, and calls a malformed id missing without a lookup', async () => {
    expect(await isMissingPage('/p/%66indes-ikke', undefined)).toBe(true);
    expect(await isMissingPage(`/p/${'x'.repeat(65)}`, undefined)).toBe(true);
    expect(asked).toEqual(['findes-ikke']);
  });

  it('leaves the feed, exports, other pages and undecodable paths to Next.js', async () => {
    for (const path of ['/p/feed.xml', '/p/x/v/1/export', '/p/x/v', '/p/x/y', '/d/x/andet', '/', '/konto', '/p/%ff', '/p/x/v/%E0%A4%A']) {
      expect(await isMissingPage(path, undefined), path).toBe(false);
    }
    expect(asked).toEqual([]);
  });
});

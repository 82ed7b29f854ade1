import { describe, expect, it } from 'vitest';
import { documentPagePath, isCommentList, isOfflinePage, isRscRequest } from '../../../app/_offline/offlineRoutes';

const url = (path: string) => new URL(path, 'https://samskriv.example');

describe('what the service worker keeps', () => {
  it('keeps the document list and document pages only', () => {
    expect(isOfflinePage(url('/'))).toBe(true);
    expect(isOfflinePage(url('/?arbejdsrum=ws1'))).toBe(true);
    expect(isOfflinePage(url('/d/Abc_123-x'))).toBe(true);
    for (const path of [
      '/konto',
      '/konto/log-ind',
      '/admin',
      '/opsaetning',
      '/invitation/tok',
      '/embed/abc',
      '/d/abc/x',
      '/d/',
      '/d/a.b',
      '/api/documents',
    ]) {
      expect(isOfflinePage(url(path)), path).toBe(false);
    }
    expect(isOfflinePage(url(`/d/${'x'.repeat(65)}`))).toBe(false);
  });

  it('keeps the comment list of a document, and no other API answer', () => {
    expect(isCommentList(url('/api/documents/abc/comments'))).toBe(true);
    expect(isCommentList(url('/api/documents/abc/comments/c1'))).toBe(false);
    expect(isCommentList(url('/api/documents/abc/sync-token'))).toBe(false);
    expect(isCommentList(url('/api/account/sign-in'))).toBe(false);
  });

  it('tells RSC requests (in-app navigations, prefetches) from page loads', () => {
    const page = url('/d/abc');
    expect(isRscRequest(new Request(page), page)).toBe(false);
    expect(isRscRequest(new Request(page, { headers: { RSC: '1' } }), page)).toBe(true);
    expect(isRscRequest(new Request(page, { headers: { 'Next-Router-Prefetch': '1' } }), page)).toBe(true);
    const rsc = url('/d/abc?_rsc=1x2y');
    expect(isRscRequest(new Request(rsc), rsc)).toBe(true);
  });

  it('names document pages with the id encoded', () => {
    expect(documentPagePath('abc-1')).toBe('/d/abc-1');
  });
});

/** Paths Next.js could not decode (issue 10 item 13): told apart from well-formed ones, however odd. */
import { describe, expect, it } from 'vitest';
import { isMalformedPath } from '../../../server/http/refuseMalformedUrl';

describe('isMalformedPath', () => {
  it('finds broken escapes and escaped bytes that are not UTF-8', () => {
    for (const path of ['/d/%E0%A4%A', '/api/documents/%ff%fe/comments', '/d/%', '/d/%A', '/d/%zz', '/d/%C0%AF', '/d/%ED%A0%80', '/a%ffb'])
      expect(isMalformedPath(path), path).toBe(true);
  });

  it('lets well-formed paths through, escapes of slashes and non-ASCII letters included', () => {
    for (const path of ['/', '/d/abc', '/d/%66oo', '/d/%2F..%2F', '/d/%C3%A6%C3%B8%C3%A5', '/d/%F0%9F%98%80', '/konto/log-ind'])
      expect(isMalformedPath(path), path).toBe(false);
  });
});

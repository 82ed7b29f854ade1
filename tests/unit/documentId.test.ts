import { describe, expect, it } from 'vitest';
import { isValidDocumentId, newDocumentId } from '../../lib/documentId';

describe('document ids', () => {
  it.each(['a', 'abc-DEF_123', 'x'.repeat(64)])('accepts %s', (id) => {
    expect(isValidDocumentId(id)).toBe(true);
  });

  it.each(['', 'x'.repeat(65), '../etc', 'a/b', 'a b', 'æøå', 'a.b', '%2e%2e', 'a\u0000', 'a?b', 42, null, undefined])(
    'refuses %j',
    (id) => {
      expect(isValidDocumentId(id)).toBe(false);
    },
  );

  it('makes new ids that are valid and distinct', () => {
    const ids = new Set(Array.from({ length: 1000 }, newDocumentId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isValidDocumentId(id)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../../lib/oidc/safeReturnTo';

describe('safeReturnTo', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnTo('/d/abc')).toBe('/d/abc');
    expect(safeReturnTo('/notifikationer?ulæste=1#top')).toBe('/notifikationer?ul%C3%A6ste=1#top');
    expect(safeReturnTo('/konto')).toBe('/konto');
  });

  it('sends anything that could leave the site, or reach the API, to the front page', () => {
    for (const value of [
      'https://evil.dk/',
      '//evil.dk/x',
      '/\\evil.dk',
      '\\\\evil.dk',
      '/\t/evil.dk',
      'javascript:alert(1)',
      'd/abc',
      '/api/account/sign-out',
      '/x/../api/documents',
      '',
      null,
      42,
      `/${'a'.repeat(600)}`,
    ]) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });
});

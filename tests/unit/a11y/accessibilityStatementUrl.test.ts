import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../lib/config';

describe('ACCESSIBILITY_STATEMENT_URL', () => {
  it('is the app’s own page when unset or empty', () => {
    expect(loadConfig({}).ACCESSIBILITY_STATEMENT_URL).toBe('/tilgaengelighed');
    expect(loadConfig({ ACCESSIBILITY_STATEMENT_URL: '  ' }).ACCESSIBILITY_STATEMENT_URL).toBe('/tilgaengelighed');
  });

  it('takes an http(s) address or a path inside the app', () => {
    const url = 'https://www.was.digst.dk/samskriv-kommune-dk';
    expect(loadConfig({ ACCESSIBILITY_STATEMENT_URL: url }).ACCESSIBILITY_STATEMENT_URL).toBe(url);
    expect(loadConfig({ ACCESSIBILITY_STATEMENT_URL: '/om/tilgaengelighed' }).ACCESSIBILITY_STATEMENT_URL).toBe('/om/tilgaengelighed');
  });

  it('refuses other schemes, credentials and protocol-relative addresses, naming the variable', () => {
    for (const bad of ['javascript:alert(1)', '//evil.example', 'https://user:pw@example.dk/', 'ftp://example.dk/', 'tilgaengelighed']) {
      expect(() => loadConfig({ ACCESSIBILITY_STATEMENT_URL: bad }), bad).toThrow(/ACCESSIBILITY_STATEMENT_URL/);
    }
  });
});

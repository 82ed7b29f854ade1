import { describe, expect, it } from 'vitest';
import { originFrom } from '../../../app/_server/siteOrigin';

const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('originFrom', () => {
  it('prefers PUBLIC_URL', () => {
    expect(originFrom('https://samskriv.kommune.dk', headers({ host: 'evil.example' }))).toBe('https://samskriv.kommune.dk');
  });

  it('uses the request’s host and the forwarded protocol otherwise', () => {
    expect(originFrom(undefined, headers({ host: '127.0.0.1:3000' }))).toBe('http://127.0.0.1:3000');
    expect(originFrom(undefined, headers({ host: 'a', 'x-forwarded-host': 'samskriv.dk, proxy', 'x-forwarded-proto': 'https' }))).toBe(
      'https://samskriv.dk',
    );
    expect(originFrom(undefined, headers({ host: '[::1]:8080' }))).toBe('http://[::1]:8080');
  });

  it.each(['evil.dk/"><script>', 'a b', 'x@y', '', 'a:99999999'])('never puts a strange host %j into links', (host) => {
    expect(originFrom(undefined, headers({ host }))).toBe('http://localhost');
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../lib/config';

describe('SMTP_URL', () => {
  it('is unset by default and when empty', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: '  ' }).SMTP_URL).toBeUndefined();
  });

  const PUBLIC_URL = 'https://samskriv.example.dk';

  it('accepts smtp:// and smtps:// URLs with credentials', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail.example:587', PUBLIC_URL }).SMTP_URL).toBe('smtp://u:p@mail.example:587');
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465', PUBLIC_URL }).SMTP_URL).toBe('smtps://u:p@mail.example:465');
  });

  it('needs PUBLIC_URL, so e-mailed links never point to a host a request named', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:p@mail.example:587' })).toThrow(/PUBLIC_URL: is required when SMTP_URL is set/);
  });

  it('refuses other schemes and non-URLs, naming the variable but never repeating the value', () => {
    for (const bad of ['http://bruger:topHemmelig@mail.example', 'bruger:topHemmelig', 'smtp://']) {
      let message = '';
      try {
        loadConfig({ SMTP_URL: bad, PUBLIC_URL });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toContain('SMTP_URL');
      expect(message).not.toContain('topHemmelig');
    }
  });

  it('has a default sender', () => {
    expect(loadConfig({}).SMTP_FROM).toContain('Samskriv');
  });
});

describe('PUBLIC_URL', () => {
  it('keeps the origin of an http(s) address', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://Samskriv.Example.dk/' }).PUBLIC_URL).toBe('https://samskriv.example.dk');
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
  });

  it('refuses paths, other schemes and credentials', () => {
    for (const bad of ['https://samskriv.example.dk/app', 'ftp://samskriv.example.dk', 'https://u:p@samskriv.example.dk', 'samskriv']) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL/);
    }
  });
});

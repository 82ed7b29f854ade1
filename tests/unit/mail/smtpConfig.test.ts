import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../lib/config';

describe('SMTP_URL', () => {
  it('is unset by default and when empty', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: '  ' }).SMTP_URL).toBeUndefined();
  });

  it('accepts smtp:// and smtps:// URLs with credentials', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail.example:587' }).SMTP_URL).toBe('smtp://u:p@mail.example:587');
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465' }).SMTP_URL).toBe('smtps://u:p@mail.example:465');
  });

  it('refuses other schemes and non-URLs, naming the variable but never repeating the value', () => {
    for (const bad of ['http://bruger:topHemmelig@mail.example', 'bruger:topHemmelig', 'smtp://']) {
      let message = '';
      try {
        loadConfig({ SMTP_URL: bad });
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

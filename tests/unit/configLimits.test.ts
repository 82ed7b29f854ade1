import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config';

describe('sync and HTTP limits in the configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      SYNC_MAX_SOCKETS_PER_IP: 200,
      SYNC_MAX_UPGRADES_PER_IP: 20,
      SYNC_FULL_SYNCS_PER_MINUTE_PER_CONNECTION: 6,
      SYNC_FULL_SYNCS_PER_MINUTE_PER_IP: 120,
      SYNC_PRESENCE_MAX_BYTES: 4096,
      SYNC_PRESENCE_UPDATES_PER_SECOND: 20,
      SYNC_PRESENCE_REPLAY_MAX_BYTES: 131072,
      SYNC_PRESENCE_TIMEOUT_MS: 60_000,
      HTTP_HEADERS_TIMEOUT_MS: 20_000,
      HTTP_REQUEST_TIMEOUT_MS: 60_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5_000,
    });
  });

  it('refuses a zero cap and a presence timeout shorter than a client renews', () => {
    expect(() => loadConfig({ SYNC_MAX_SOCKETS_PER_IP: '0' })).toThrow(/SYNC_MAX_SOCKETS_PER_IP/);
    expect(() => loadConfig({ SYNC_PRESENCE_TIMEOUT_MS: '10000' })).toThrow(/SYNC_PRESENCE_TIMEOUT_MS/);
  });

  it('refuses a header timeout longer than the request timeout', () => {
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '20000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../server/sync/Connection';
import { PullLimiter } from '../../../server/sync/PullLimiter';

const connection = (ip?: string) => ({ info: { ip } }) as unknown as Connection;

describe('PullLimiter', () => {
  it('limits each connection on its own', () => {
    const limiter = new PullLimiter({ fullSyncsPerMinutePerConnection: 2, fullSyncsPerMinutePerIp: 100 }, () => 0);
    const a = connection('10.0.0.1');
    const b = connection('10.0.0.1');
    limiter.charge(a, 10);
    limiter.charge(a, 10);
    expect(limiter.waitMs(a)).toBe(30_000);
    expect(limiter.waitMs(b)).toBe(0);
  });

  it('shares the per-IP limit between connections of one address, not others', () => {
    const limiter = new PullLimiter({ fullSyncsPerMinutePerConnection: 100, fullSyncsPerMinutePerIp: 2 }, () => 0);
    limiter.charge(connection('10.0.0.1'), 10);
    limiter.charge(connection('10.0.0.1'), 10);
    expect(limiter.waitMs(connection('10.0.0.1'))).toBe(30_000);
    expect(limiter.waitMs(connection('10.0.0.2'))).toBe(0);
    expect(limiter.waitMs(connection())).toBe(0);
  });

  it('charges a large reply once per MiB begun', () => {
    const limiter = new PullLimiter({ fullSyncsPerMinutePerConnection: 60, fullSyncsPerMinutePerIp: 60 }, () => 0);
    const puller = connection('10.0.0.1');
    limiter.charge(puller, 150 * 1024 * 1024);
    // 60 tokens, 150 spent: the debt of 90 plus one token, at one per second.
    expect(limiter.waitMs(puller)).toBe(91_000);
  });
});

/** The Redis bus on its own, against a real redis-server: streams, positions, gaps, echo suppression, notices. */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { Redis } from 'ioredis';
import { STREAM_START, type ClusterAccessChange, type DocumentNotice, type StreamFollower } from '../../../lib/sync/ClusterBus';
import { MAX_ENTRY_UPDATES, RedisClusterBus, type RedisClusterBusOptions } from '../../../server/scaleout/RedisClusterBus';
import { recordingLogger } from '../../helpers/recordingLogger';
import { startRedis, type TestRedis } from '../../helpers/startRedis';
import { waitFor } from '../../helpers/waitFor';

let redis: TestRedis;
let tests = 0;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

/** Two nodes on one fresh prefix. */
async function nodes(options: Partial<RedisClusterBusOptions> = {}) {
  const prefix = `u${++tests}-${process.pid}:`;
  const make = async (nodeId: string) => {
    const bus = await RedisClusterBus.connect({ url: redis.url, prefix, logger: recordingLogger(), nodeId, ...options });
    onTestFinished(() => bus.close());
    return bus;
  };
  return { a: await make('a'), b: await make('b'), prefix };
}

/** A follower that records what it gets; `until` waits for a condition on it, re-checked on each delivery. */
function recorder() {
  const updates: number[] = [];
  let gaps = 0;
  const listeners = new Set<() => void>();
  const follower: StreamFollower = {
    updates(list) {
      for (const update of list) updates.push(update[0] as number);
      for (const listener of listeners) listener();
    },
    gap() {
      gaps++;
      for (const listener of listeners) listener();
    },
  };
  const until = (check: () => boolean, what: string) =>
    waitFor(
      () => check(),
      (recheck) => {
        listeners.add(recheck);
        return () => listeners.delete(recheck);
      },
      { what },
    );
  return { follower, updates, gaps: () => gaps, until };
}

const byte = (value: number) => new Uint8Array([value]);

describe('RedisClusterBus', () => {
  it('delivers other nodes’ updates in order from a position, never a node’s own', async () => {
    const { a, b } = await nodes();
    await a.publishUpdate('d1', byte(1));
    const position = await b.streamEnd('d1');
    await a.publishUpdate('d1', byte(2));
    await b.publishUpdate('d1', byte(3));
    await a.publishUpdate('d1', byte(4));
    const atB = recorder();
    b.follow('d1', position, atB.follower);
    const atA = recorder();
    a.follow('d1', STREAM_START, atA.follower);
    await atB.until(() => atB.updates.length >= 2, 'two updates at B');
    await atA.until(() => atA.updates.length >= 1, 'one update at A');
    // After the position only, and B's own update left out; A gets only B's.
    expect(atB.updates).toEqual([2, 4]);
    expect(atA.updates).toEqual([3]);
    // Live, across documents read in one call.
    const other = recorder();
    b.follow('d2', await b.streamEnd('d2'), other.follower);
    await a.publishUpdate('d2', byte(9));
    await a.publishUpdate('d1', byte(5));
    await other.until(() => other.updates.length === 1, 'the update of d2');
    await atB.until(() => atB.updates.length === 3, 'the third update of d1');
    expect(atB.updates).toEqual([2, 4, 5]);
  });

  it('reports a gap when entries after the position were trimmed, then continues from the end', async () => {
    const { a, b } = await nodes({ streamMaxLength: 10, readCount: 10 });
    // MAXLEN ~ trims whole stream nodes (100 entries): 350 leave at most ~150 of the first ones gone.
    // One at a time: updates published in the same turn would share one entry.
    for (let i = 0; i < 350; i++) await a.publishUpdate('d', byte(i % 256));
    const atB = recorder();
    b.follow('d', STREAM_START, atB.follower);
    await atB.until(() => atB.gaps() === 1, 'a gap');
    await a.publishUpdate('d', byte(77));
    await atB.until(() => atB.updates.at(-1) === 77, 'the next update after the gap');
    expect(atB.gaps()).toBe(1);
  }, 20_000);

  it('sends the updates published to a document in one turn as one entry, in order, split past the entry limit', async () => {
    const { a, b, prefix } = await nodes();
    const atB = recorder();
    b.follow('d', await b.streamEnd('d'), atB.follower);
    const other = recorder();
    b.follow('e', await b.streamEnd('e'), other.follower);
    // One group commit's worth for d (and one update of e between them), then a turn with one.
    const first = Array.from({ length: MAX_ENTRY_UPDATES + 5 }, (_, i) => a.publishUpdate('d', byte(i % 200)));
    const ofE = a.publishUpdate('e', byte(250));
    await Promise.all([...first, ofE]);
    await a.publishUpdate('d', byte(201));
    await atB.until(() => atB.updates.length === MAX_ENTRY_UPDATES + 6, 'every update of d');
    await other.until(() => other.updates.length === 1, 'the update of e');
    expect(atB.updates).toEqual([...Array.from({ length: MAX_ENTRY_UPDATES + 5 }, (_, i) => i % 200), 201]);
    expect(other.updates).toEqual([250]);
    const raw = new Redis(redis.url);
    onTestFinished(() => raw.disconnect());
    // The full entry, the rest of that turn's, and the next turn's.
    expect(await raw.xlen(`${prefix}updates:d`)).toBe(3);
    expect(await raw.xlen(`${prefix}updates:e`)).toBe(1);
  });

  it('skips a malformed entry and delivers the whole ones around it', async () => {
    const { a, b, prefix } = await nodes();
    const atB = recorder();
    b.follow('d', await b.streamEnd('d'), atB.follower);
    const raw = new Redis(redis.url);
    onTestFinished(() => raw.disconnect());
    await a.publishUpdate('d', byte(1));
    await raw.xadd(`${prefix}updates:d`, '*', 'n', 'x', 'u', Buffer.from([2]), 'u', Buffer.alloc(0));
    await raw.xadd(`${prefix}updates:d`, '*', 'u', Buffer.from([3]));
    await raw.xadd(`${prefix}updates:d`, '*', 'n', 'x', 'u', Buffer.from([4]), 'u', Buffer.from([5]));
    await atB.until(() => atB.updates.length === 3, 'the whole entries');
    expect(atB.updates).toEqual([1, 4, 5]);
  });

  it('carries notices for held documents and access changes to the other node only; ignores malformed ones', async () => {
    const { a, b, prefix } = await nodes();
    const notices: DocumentNotice[] = [];
    const changes: ClusterAccessChange[] = [];
    let recheck = () => {};
    b.onNotice('d', (notice) => {
      notices.push(notice);
      recheck();
    });
    b.onAccessChange((change) => {
      changes.push(change);
      recheck();
    });
    const own: unknown[] = [];
    a.onNotice('d', (notice) => own.push(notice));
    a.onAccessChange((change) => own.push(change));
    const raw = new Redis(redis.url);
    onTestFinished(() => raw.disconnect());
    await waitForSubscribers(raw, `${prefix}doc:d`);
    await raw.publish(`${prefix}access`, '{"n":"x","change":{"kind":"everyone"}}');
    await raw.publish(`${prefix}doc:d`, Buffer.from([1, 120, 7]));
    a.publishNotice('d', { kind: 'commentsChanged', revision: 3 });
    a.publishAccessChange({ kind: 'document', documentId: 'd' });
    await waitFor(
      () => notices.length === 1 && changes.length === 1,
      (again) => {
        recheck = again;
        return () => (recheck = () => {});
      },
      { what: 'the notice and the change at B' },
    );
    expect(notices).toEqual([{ kind: 'commentsChanged', revision: 3 }]);
    expect(changes).toEqual([{ kind: 'document', documentId: 'd' }]);
    expect(own).toEqual([]);
  });
});

/** Waits until both nodes' subscriber connections listen on the channel (PUBSUB NUMSUB). */
async function waitForSubscribers(raw: Redis, channel: string): Promise<void> {
  for (;;) {
    const [, count] = (await raw.pubsub('NUMSUB', channel)) as [string, number];
    if (Number(count) >= 2) return;
  }
}

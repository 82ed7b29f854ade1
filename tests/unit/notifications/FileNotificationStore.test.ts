import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileNotificationStore } from '../../../server/notifications/FileNotificationStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { notificationStoreContract, sampleFollow, sampleNotification } from './notificationStoreContract';

const tempDir = tempDirsRemovedAfterAll('file-notifications');

notificationStoreContract('FileNotificationStore', async () => new FileNotificationStore({ dir: join(await tempDir(), 'records') }));
notificationStoreContract('FileNotificationStore (compacting every few records)', async () => {
  return new FileNotificationStore({ dir: join(await tempDir(), 'records'), compactAfterRecords: 2 });
});

describe('FileNotificationStore on disk', () => {
  it('reads notifications, read marks and follows back in a new store, and still refuses a duplicate event', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileNotificationStore({ dir });
    await first.add(sampleNotification('n_1', { eventId: 'e_1', at: '2026-12-01T10:00:00.000Z' }));
    await first.add(sampleNotification('n_2', { eventId: 'e_2', at: '2026-12-01T10:01:00.000Z' }));
    await first.markRead('p_ejer', ['n_1'], '2026-12-01T11:00:00.000Z');
    await first.putFollow(sampleFollow({ following: false }));
    await first.addFollowIfAbsent(sampleFollow({ personId: 'p_andre', auto: true }));
    await first.close();

    const second = new FileNotificationStore({ dir });
    expect(await second.list('p_ejer', { limit: 10 })).toEqual([
      sampleNotification('n_2', { eventId: 'e_2', at: '2026-12-01T10:01:00.000Z' }),
      { ...sampleNotification('n_1', { eventId: 'e_1', at: '2026-12-01T10:00:00.000Z' }), readAt: '2026-12-01T11:00:00.000Z' },
    ]);
    expect((await second.list('p_ejer', { unreadOnly: true, limit: 10 })).map((n) => n.id)).toEqual(['n_2']);
    // The same event after a restart (a retried emit): refused, under any id.
    expect(await second.add(sampleNotification('n_9', { eventId: 'e_1' }))).toBe('duplicate');
    expect(await second.getFollow('p_laeser', 'dok-1')).toEqual(sampleFollow({ following: false }));
    expect(await second.addFollowIfAbsent(sampleFollow({ auto: true }))).toBe(false);
    expect((await second.followsOf('dok-1')).map((f) => f.personId).sort()).toEqual(['p_andre', 'p_laeser']);
    await second.close();
  });

  it('writes each change durably before answering (a store opened meanwhile reads it)', async () => {
    const dir = join(await tempDir(), 'records');
    const writer = new FileNotificationStore({ dir });
    await writer.add(sampleNotification('n_1'));
    // Not closed: what `add` answered for must already be on disk.
    const reader = new FileNotificationStore({ dir });
    expect((await reader.list('p_ejer', { limit: 10 })).map((n) => n.id)).toEqual(['n_1']);
    await reader.close();
    await writer.close();
  });

  it('takes many adds at once (one event to many people, each issued twice): each person once, all durable', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileNotificationStore({ dir });
    const people = Array.from({ length: 300 }, (_, i) => `p_${i}`);
    const results = await Promise.all(
      [...people, ...people].map((personId, i) => first.add(sampleNotification(`n_${i}`, { personId, eventId: 'comment:c_1' }))),
    );
    expect(results.filter((result) => result === 'added')).toHaveLength(300);
    await first.close();
    const second = new FileNotificationStore({ dir });
    const counts = await Promise.all(people.map(async (personId) => (await second.list(personId, { limit: 10 })).length));
    expect(counts.every((count) => count === 1)).toBe(true);
    await second.close();
  });

  it('refuses to open a damaged log, naming the file', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileNotificationStore({ dir });
    for (let i = 0; i < 3; i++) await first.add(sampleNotification(`n_${i}`));
    await first.close();
    const segment = join(dir, 'notifications', 'log-0000000001.bin');
    const damaged = await readFile(segment);
    damaged[20]! ^= 0xff;
    await writeFile(segment, damaged);
    const store = new FileNotificationStore({ dir });
    await expect(store.list('p_ejer', { limit: 1 })).rejects.toThrow(segment);
    await store.close();
  });
});

/** The NotificationMailStore contract in memory and in record files (and that the files survive a restart). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileNotificationMailStore } from '../../../server/notifications/FileNotificationMailStore';
import { MemoryNotificationMailStore } from '../../../server/notifications/MemoryNotificationMailStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { notificationMailStoreContract, sampleDigest, sampleMail } from './notificationMailStoreContract';

const tempDir = tempDirsRemovedAfterAll('file-notification-mail');

notificationMailStoreContract('MemoryNotificationMailStore', async () => new MemoryNotificationMailStore());
notificationMailStoreContract(
  'FileNotificationMailStore',
  async () => new FileNotificationMailStore({ dir: join(await tempDir(), 'records') }),
);
notificationMailStoreContract(
  'FileNotificationMailStore (compacting every few records)',
  async () => new FileNotificationMailStore({ dir: join(await tempDir(), 'records'), compactAfterRecords: 2 }),
);

describe('FileNotificationMailStore on disk', () => {
  it('reads settings, queue states, leases and digests back in a new store, and still refuses a second entry or digest', async () => {
    const dir = join(await tempDir(), 'records');
    const first = new FileNotificationMailStore({ dir });
    await first.putSettings({
      personId: 'p_karen',
      frequency: 'weekly',
      kinds: { reply: 'immediate' },
      updatedAt: '2026-12-07T09:00:00.000Z',
    });
    await first.enqueue(sampleMail('e_1'));
    await first.enqueue(sampleMail('e_2'));
    await first.claimMail('p_karen', 'e_2', '2026-12-07T09:00:00.000Z', '2026-12-07T09:10:00.000Z');
    await first.updateMail({ ...sampleMail('e_1'), state: 'sent', doneAt: '2026-12-07T09:01:00.000Z' });
    await first.addDigest(sampleDigest('daily:2026-12-08'));
    await first.close();

    const second = new FileNotificationMailStore({ dir });
    expect(await second.getSettings('p_karen')).toMatchObject({ frequency: 'weekly', kinds: { reply: 'immediate' } });
    expect((await second.pendingMails('immediate', 10)).map((mail) => [mail.eventId, mail.leaseUntil])).toEqual([
      ['e_2', '2026-12-07T09:10:00.000Z'],
    ]);
    expect(await second.claimMail('p_karen', 'e_2', '2026-12-07T09:05:00.000Z', '2026-12-07T09:15:00.000Z')).toBeNull();
    expect(await second.enqueue(sampleMail('e_1'))).toBe(false);
    expect(await second.addDigest(sampleDigest('daily:2026-12-08'))).toBe(false);
    expect((await second.exportAll()).mails).toHaveLength(2);
    await second.close();
  });
});

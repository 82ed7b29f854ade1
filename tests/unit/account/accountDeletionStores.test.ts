/** The account self-service store additions on the memory, people.json and record-log stores, and the notification stores. */
import { join } from 'node:path';
import { FileNotificationStore } from '../../../server/notifications/FileNotificationStore';
import { MemoryNotificationStore } from '../../../server/notifications/MemoryNotificationStore';
import { FileAccountStore } from '../../../server/people/FileAccountStore';
import { LowAccountStore } from '../../../server/people/LowAccountStore';
import { MemoryAccountStore } from '../../../server/people/MemoryAccountStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { accountDeletionStoreContract, notificationForgetContract } from './accountDeletionStoreContract';

const tempDir = tempDirsRemovedAfterAll('account-deletion');

accountDeletionStoreContract('MemoryAccountStore', () => new MemoryAccountStore());
accountDeletionStoreContract('LowAccountStore', async () => new LowAccountStore(join(await tempDir(), 'people.json')));
accountDeletionStoreContract('FileAccountStore', async () => new FileAccountStore({ dir: join(await tempDir(), 'records') }));
accountDeletionStoreContract('FileAccountStore (compacting every few records)', async () => {
  return new FileAccountStore({ dir: join(await tempDir(), 'records'), compactAfterRecords: 2 });
});
notificationForgetContract('MemoryNotificationStore', () => new MemoryNotificationStore());
notificationForgetContract('FileNotificationStore', async () => new FileNotificationStore({ dir: join(await tempDir(), 'records') }));

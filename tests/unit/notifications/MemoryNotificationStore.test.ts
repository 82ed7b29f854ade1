import { MemoryNotificationStore } from '../../../server/notifications/MemoryNotificationStore';
import { notificationStoreContract } from './notificationStoreContract';

notificationStoreContract('MemoryNotificationStore', () => new MemoryNotificationStore());

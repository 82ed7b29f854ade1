import { MemorySharingStore } from '../../../server/sharing/MemorySharingStore';
import { sharingStoreContract } from './sharingStoreContract';

sharingStoreContract('MemorySharingStore', () => new MemorySharingStore());

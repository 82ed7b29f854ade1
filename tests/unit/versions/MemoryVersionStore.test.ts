import { MemoryVersionStore } from '../../../server/versions/MemoryVersionStore';
import { versionStoreContract } from './versionStoreContract';

versionStoreContract('MemoryVersionStore', { make: async () => new MemoryVersionStore() });

import { MemoryAccountStore } from '../../../../server/people/MemoryAccountStore';
import { accountStoreContract } from './accountStoreContract';

accountStoreContract('MemoryAccountStore', () => new MemoryAccountStore());

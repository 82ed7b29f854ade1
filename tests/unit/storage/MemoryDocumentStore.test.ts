import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore.js';
import { documentStoreContract } from './documentStoreContract.js';

documentStoreContract('MemoryDocumentStore', () => new MemoryDocumentStore());

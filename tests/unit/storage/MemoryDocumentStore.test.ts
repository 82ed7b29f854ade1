import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { documentStoreContract } from './documentStoreContract';

documentStoreContract('MemoryDocumentStore', () => new MemoryDocumentStore());

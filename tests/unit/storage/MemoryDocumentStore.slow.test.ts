import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { documentStoreTraceContract } from './documentStoreContract';

documentStoreTraceContract('MemoryDocumentStore', () => new MemoryDocumentStore());

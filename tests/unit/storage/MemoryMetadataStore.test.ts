import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore.js';
import { metadataStoreContract } from './metadataStoreContract.js';

metadataStoreContract('MemoryMetadataStore', () => new MemoryMetadataStore());

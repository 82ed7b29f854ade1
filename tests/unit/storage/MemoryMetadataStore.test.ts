import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import { metadataStoreContract } from './metadataStoreContract';

metadataStoreContract('MemoryMetadataStore', () => new MemoryMetadataStore());

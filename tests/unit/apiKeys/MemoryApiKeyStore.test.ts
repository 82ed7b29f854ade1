import { MemoryApiKeyStore } from '../../../server/apiKeys/MemoryApiKeyStore';
import { apiKeyStoreContract } from './apiKeyStoreContract';

apiKeyStoreContract('MemoryApiKeyStore', () => new MemoryApiKeyStore());

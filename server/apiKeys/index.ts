/** API keys for the platform API: stores and the service. */
export { LowApiKeyStore } from './LowApiKeyStore';
export { MemoryApiKeyStore } from './MemoryApiKeyStore';
export { createApiKeyService, hashApiKey, type ApiKeyService, type PublicApiKey } from './createApiKeyService';

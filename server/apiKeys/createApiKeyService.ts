/**
 * API keys for other platforms: an admin creates one (the raw key is returned once), lists and
 * revokes them; the platform API verifies a presented key by its hash. can(actor, 'administer',
 * platform) decides who manages keys.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { API_KEY_SCOPES, type ApiKey, type ApiKeyStore } from '../../lib/apiKeys/ApiKeyStore';
import type { AccountStore } from '../../lib/people/AccountStore';
import { passPlatformGate } from '../people/passPersonGate';
import type { ApiKeyService, PublicApiKey } from '../../lib/apiKeys/ApiKeyService';

export type { ApiKeyService, PublicApiKey } from '../../lib/apiKeys/ApiKeyService';

/** `sk_` and 43 base64url characters (256 random bits). */
const KEY_PATTERN = /^sk_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 7;

export function hashApiKey(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('base64url');
}

const publicOf = ({ hash: _hash, ...rest }: ApiKey): PublicApiKey => rest;

export function createApiKeyService(options: { store: ApiKeyStore; accounts: AccountStore; clock?: () => number }): ApiKeyService {
  const { store, accounts } = options;
  const now = () => new Date((options.clock ?? Date.now)()).toISOString();
  const requireAdmin = (adminId: string) => passPlatformGate(accounts, adminId, 'administer');
  const revokedListeners = new Set<(keyId: string) => void>();

  return {
    async create(adminId, input) {
      await requireAdmin(adminId);
      const key = `sk_${randomBytes(32).toString('base64url')}`;
      const record: ApiKey = {
        id: `k_${randomUUID()}`,
        name: input.name,
        hash: hashApiKey(key),
        prefix: key.slice(0, PREFIX_LENGTH),
        scopes: input.scopes && input.scopes.length > 0 ? [...new Set(input.scopes)] : [...API_KEY_SCOPES],
        createdBy: adminId,
        createdAt: now(),
        revokedAt: null,
      };
      return { key, apiKey: publicOf(await store.create(record)) };
    },
    async list(adminId) {
      await requireAdmin(adminId);
      return (await store.list()).map(publicOf);
    },
    async revoke(adminId, id) {
      await requireAdmin(adminId);
      const revoked = await store.revoke(id, now());
      if (!revoked) return null;
      for (const listener of [...revokedListeners]) {
        // A listener's failure must not hide the revocation, which is stored already.
        try {
          listener(revoked.id);
        } catch {
          // the sync server logs its own failures
        }
      }
      return publicOf(revoked);
    },
    async verify(raw) {
      if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) return null;
      const hash = hashApiKey(raw);
      const found = await store.getByHash(hash);
      if (!found || found.revokedAt !== null) return null;
      // The lookup is by hash already; compare anyway in constant time, so a store that matches loosely cannot leak.
      return timingSafeEqual(Buffer.from(found.hash), Buffer.from(hash)) ? found : null;
    },
    async isActive(id) {
      const key = await store.get(id);
      return key !== null && key.revokedAt === null;
    },
    onRevoked(listener) {
      // A wrapper per subscription, so one function subscribed twice is two subscriptions.
      const subscription = (keyId: string) => listener(keyId);
      revokedListeners.add(subscription);
      return () => revokedListeners.delete(subscription);
    },
  };
}

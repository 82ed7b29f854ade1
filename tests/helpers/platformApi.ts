/**
 * The platform API (app/api/v1) over a test sync server: its real route handlers, called with a
 * Request as Next.js calls them, on the services the process entry would hand over (the server's
 * documents, API keys and secret). Keys are created and revoked by an admin through the key
 * service, as `/api/admin/api-keys` does; tokens and documents come from the routes themselves.
 */
import { onTestFinished } from 'vitest';
import { POST as createDocumentRoute } from '../../app/api/v1/documents/route';
import { POST as mintTokenRoute } from '../../app/api/v1/sync-tokens/route';
import { FixedWindowLimiter } from '../../lib/apiKeys/FixedWindowLimiter';
import { setServices, type Services } from '../../lib/services';
import type { TestSyncServer } from './startSyncServer';
import { TEST_SECRET } from './tokens';

export interface ApiAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: string } };
}

export interface TestApiKey {
  /** The raw key (`sk_…`), for the Authorization header. */
  readonly key: string;
  readonly id: string;
}

export interface TestPlatformApi {
  /** A new key with every scope. */
  newKey(name: string): Promise<TestApiKey>;
  /** POST /api/v1/sync-tokens. */
  mintToken(key: TestApiKey, body: Record<string, unknown>): Promise<ApiAnswer>;
  /** POST /api/v1/documents. */
  createDocument(key: TestApiKey, body: Record<string, unknown>): Promise<ApiAnswer>;
  /** What DELETE /api/admin/api-keys/<id> does. */
  revoke(key: TestApiKey): Promise<void>;
}

export async function platformApi(server: TestSyncServer): Promise<TestPlatformApi> {
  const admin = await server.person('Admin', { team: false, role: 'admin' });
  // Only what the v1 routes read; the rest of the app is not running.
  const services = {
    secret: TEST_SECRET,
    documents: server.documents,
    apiKeys: server.apiKeys,
    apiLimiter: new FixedWindowLimiter(10_000, 60_000),
    logger: server.logger,
  } as Partial<Services> as Services;
  setServices(services);
  onTestFinished(() => setServices(undefined));

  async function call(route: (request: Request) => Promise<Response>, path: string, key: TestApiKey, body: unknown): Promise<ApiAnswer> {
    const response = await route(
      new Request(`http://127.0.0.1:${server.port}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
  }

  return {
    async newKey(name) {
      const created = await server.apiKeys.create(admin.personId, { name });
      return { key: created.key, id: created.apiKey.id };
    },
    mintToken: (key, body) => call(mintTokenRoute, '/api/v1/sync-tokens', key, body),
    createDocument: (key, body) => call(createDocumentRoute, '/api/v1/documents', key, body),
    async revoke(key) {
      await server.apiKeys.revoke(admin.personId, key.id);
    },
  };
}

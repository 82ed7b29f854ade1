import type { ApiKey, ApiKeyScope } from '../../lib/apiKeys/ApiKeyStore';
import { getServices } from '../../lib/services';
import { HttpError } from './http';

/**
 * The API key of a platform API request, when it is live, within its rate limit and has `scope`.
 * Only `Authorization: Bearer <key>` counts: a session cookie is never read here, so the API has
 * no ambient credentials and needs no CSRF check.
 */
export async function requireApiKey(request: Request, scope: ApiKeyScope): Promise<ApiKey> {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) throw new HttpError(401, 'api_key_required', { 'WWW-Authenticate': 'Bearer' });
  const { apiKeys, apiLimiter } = getServices();
  const key = await apiKeys.verify(match[1]);
  if (!key) throw new HttpError(401, 'invalid_api_key', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  const limit = apiLimiter.hit(key.id);
  if (!limit.allowed)
    throw new HttpError(429, 'rate_limited', { 'Retry-After': String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))) });
  if (!key.scopes.includes(scope)) throw new HttpError(403, 'insufficient_scope');
  return key;
}

import { CLIENT_IP_HEADER } from '../../lib/auth/clientIp';

/** The client's address as the server entry recorded it (for the per-IP sign-in throttle). */
export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}

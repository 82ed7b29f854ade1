/**
 * The origin absolute links in feeds and Open Graph metadata start with: PUBLIC_URL when it is set
 * (the address people use), else the request's own host, as the proxy reads it (x-forwarded-host
 * and x-forwarded-proto behind a reverse proxy). A host that is no plain host name or address
 * becomes `localhost` rather than ending up in a link.
 */
import { headers } from 'next/headers';
import { getServices } from '../../lib/services';

const PLAIN_HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?$/;

export function originFrom(publicUrl: string | undefined, header: (name: string) => string | null): string {
  if (publicUrl) return publicUrl;
  const host = (header('x-forwarded-host') ?? header('host') ?? '').split(',')[0]!.trim();
  const secure = header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  return `${secure ? 'https' : 'http'}://${PLAIN_HOST.test(host) ? host : 'localhost'}`;
}

/** For pages and generateMetadata. */
export async function siteOrigin(): Promise<string> {
  const list = await headers();
  return originFrom(getServices().config.PUBLIC_URL, (name) => list.get(name));
}

/** For route handlers. */
export function requestOrigin(request: Request): string {
  return originFrom(getServices().config.PUBLIC_URL, (name) => request.headers.get(name));
}

/**
 * EMBED_ORIGINS: the origins allowed to frame `/embed/*` (CSP `frame-ancestors`), separated by
 * commas or spaces. Each must be a bare http(s) origin (`https://kommune.dk`, no path); empty
 * means nobody may frame anything.
 */
export function parseEmbedOrigins(value: string | undefined): string[] {
  const parts = (value ?? '').split(/[\s,]+/).filter((part) => part !== '');
  return parts.map((part) => {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new Error(`"${part}" is not an origin like https://example.dk`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== part.replace(/\/$/, '')) {
      throw new Error(`"${part}" is not an origin like https://example.dk (scheme and host only)`);
    }
    return url.origin;
  });
}

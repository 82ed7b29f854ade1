/**
 * The Content-Security-Policy of every page (set per request by proxy.ts, with a fresh nonce).
 * Scripts: only this origin's files and Next.js's own inline bootstrap scripts, which carry the
 * nonce ('strict-dynamic' lets those load the chunks they need). Styles stay 'unsafe-inline':
 * the editor sets style attributes (carets, colours) and Next.js injects style tags, which a
 * nonce cannot cover. Workers: this origin's only (the service worker, /sw.js). Framing: only
 * EMBED_ORIGINS may frame /embed/*, nobody anything else.
 */
export interface CspOptions {
  readonly nonce: string;
  /** ws:// or wss:// origin of the sync endpoint (this host). */
  readonly syncOrigin: string;
  /** Origins allowed to frame the page; empty: none. */
  readonly frameAncestors: readonly string[];
  /** Next.js dev mode needs eval for its error overlay. */
  readonly dev?: boolean;
}

export function contentSecurityPolicy({ nonce, syncOrigin, frameAncestors, dev = false }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' ${syncOrigin}`,
    // The service worker (/sw.js). Without this, workers fall back to script-src, where
    // 'strict-dynamic' makes browsers ignore 'self' and the registration is refused.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** CSP for responses that are not pages (the JSON API): nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Paths that carry a secret in a segment (invite links), and what replaces it in log lines. */
const SECRET_SEGMENTS = /^(\/invitation\/|\/api\/invitations\/)[^/]+/;

/**
 * The request path as it may be logged: query strings are dropped by the caller (they can hold
 * sync tokens), and an invite link's token is masked here, so a log line never opens a document.
 */
export function loggablePath(path: string): string {
  return path.replace(SECRET_SEGMENTS, '$1…');
}

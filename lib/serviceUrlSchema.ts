/**
 * A URL of a service the server connects to (`DATABASE_URL`, `REDIS_URL`): empty or unset means
 * none. The messages never repeat the value, since it may hold a password.
 */
import { z } from './zodWithoutEval';

export function serviceUrlSchema(protocols: readonly string[], example: string) {
  return z
    .string()
    .trim()
    .default('')
    .transform((value, context) => {
      if (value === '') return undefined;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({ code: 'custom', message: `must be a URL like ${example}` });
        return z.NEVER;
      }
      if (!protocols.includes(url.protocol)) {
        context.addIssue({ code: 'custom', message: `must start with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}` });
        return z.NEVER;
      }
      if (url.hostname === '') {
        context.addIssue({ code: 'custom', message: 'must name a host' });
        return z.NEVER;
      }
      return value;
    });
}

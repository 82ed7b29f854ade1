/** `PUBLIC_URL`: an http(s) origin without path, query or fragment; empty or unset means none. */
import { z } from '../zodWithoutEval';

export const publicUrlSchema = z
  .string()
  .trim()
  .default('')
  .transform((value, context) => {
    if (value === '') return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a URL like https://samskriv.example.dk' });
      return z.NEVER;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
      context.addIssue({ code: 'custom', message: 'must be an http:// or https:// address without user or password' });
      return z.NEVER;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
      context.addIssue({ code: 'custom', message: 'must be an origin only (no path, query or fragment)' });
      return z.NEVER;
    }
    return url.origin;
  });

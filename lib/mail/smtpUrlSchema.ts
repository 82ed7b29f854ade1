/**
 * `SMTP_URL`: `smtp://user:pass@host:port` or `smtps://…`; empty or unset means no mail server.
 * The messages never repeat the value, since it may hold a password.
 */
import { z } from '../zodWithoutEval';

export const smtpUrlSchema = z
  .string()
  .trim()
  .default('')
  .transform((value, context) => {
    if (value === '') return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a URL like smtp://user:pass@host:587 or smtps://user:pass@host:465' });
      return z.NEVER;
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      context.addIssue({ code: 'custom', message: 'must start with smtp:// or smtps://' });
      return z.NEVER;
    }
    if (url.hostname === '') {
      context.addIssue({ code: 'custom', message: 'must name a host' });
      return z.NEVER;
    }
    return value;
  });

/**
 * An optional URL setting (`PUBLIC_URL`, `SMTP_URL`, `DATABASE_URL`, `REDIS_URL`): empty or unset
 * means none; otherwise it must parse, and `check` returns the sentence saying what is wrong with
 * it (or nothing) and may turn it into the value kept. Messages never repeat the value, since it
 * may hold a password.
 */
import { z } from './zodWithoutEval';

export type UrlCheck = (url: URL, value: string) => { readonly problem: string } | { readonly value: string };

export function optionalUrlSchema(example: string, check: UrlCheck) {
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
      const checked = check(url, value);
      if ('problem' in checked) {
        context.addIssue({ code: 'custom', message: checked.problem });
        return z.NEVER;
      }
      return checked.value;
    });
}

/** The check of a service URL: one of `protocols`, and a host. */
export function serviceUrl(protocols: readonly string[]): UrlCheck {
  return (url, value) => {
    if (!protocols.includes(url.protocol))
      return { problem: `must start with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}` };
    if (url.hostname === '') return { problem: 'must name a host' };
    return { value };
  };
}

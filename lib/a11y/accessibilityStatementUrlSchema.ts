/**
 * `ACCESSIBILITY_STATEMENT_URL`: where the footer's "Tilgængelighedserklæring" link points (the
 * municipality's statement on was.digst.dk, say). An http(s) address, or a path inside the app;
 * empty or unset: the app's own page, `DEFAULT_ACCESSIBILITY_STATEMENT_PATH`.
 */
import { z } from '../zodWithoutEval';

export const DEFAULT_ACCESSIBILITY_STATEMENT_PATH = '/tilgaengelighed';

export const accessibilityStatementUrlSchema = z
  .string()
  .trim()
  .default('')
  .transform((value, context) => {
    if (value === '') return DEFAULT_ACCESSIBILITY_STATEMENT_PATH;
    if (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) return value;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be an https:// address or a path starting with /' });
      return z.NEVER;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
      context.addIssue({
        code: 'custom',
        message: 'must be an http:// or https:// address without user or password, or a path starting with /',
      });
      return z.NEVER;
    }
    return url.href;
  });

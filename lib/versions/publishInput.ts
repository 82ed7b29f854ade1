/**
 * The checks of what a publish is given, shared by the HTTP route and the service: the "Hvad er
 * ændret" summary (plain text, lines, at most VERSION_SUMMARY_MAX characters; the title policy's
 * characters per line) and the `Idempotency-Key` (1–200 printable ASCII characters). Codes are
 * `error.<code>` in the catalogue.
 */
import { labelTextProblem } from '../comments/commentText';
import { VERSION_SUMMARY_MAX } from './model';

export const IDEMPOTENCY_KEY_MAX = 200;
const IDEMPOTENCY_KEY = new RegExp(`^[\\x20-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}$`);

export type SummaryCheck =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly code: 'summary_too_long' | 'summary_invalid' };

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
}

/** The summary normalised (NFC, `\n` line ends, trimmed), or why it is refused. Empty is allowed. */
export function cleanSummary(value: string): SummaryCheck {
  if (value.length > VERSION_SUMMARY_MAX * 4) return { ok: false, code: 'summary_too_long' };
  const text = value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if ([...text].length > VERSION_SUMMARY_MAX) return { ok: false, code: 'summary_too_long' };
  for (const line of text.split('\n'))
    if (labelTextProblem(line.replace(/\t/g, ' ')) === 'invalid') return { ok: false, code: 'summary_invalid' };
  return { ok: true, text };
}

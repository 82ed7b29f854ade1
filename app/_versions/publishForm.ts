/**
 * The publish dialog's pure parts: checking what was typed, the request body, the idempotency key
 * made once per opening of the dialog (double clicks and retries then make one version), and the
 * POST itself. Browser-safe.
 */
import { titleSchema } from '../../lib/documents/titleSchema';
import { VERSION_SUMMARY_MAX } from '../../lib/versions/model';
import { parseVersion, versionsApiPath, type VersionItem } from './versionList';

export interface PublishBody {
  readonly summary: string;
  /** Only when it differs from the current title (publishing then renames the document). */
  readonly title?: string;
}

export type PublishFormCheck =
  | { readonly ok: true; readonly body: PublishBody }
  /** `code`: 'summary_required', 'summary_too_long', or a title code of titleSchema (`error.<code>`). */
  | { readonly ok: false; readonly field: 'summary' | 'title'; readonly code: string };

export function checkPublishForm(
  input: { readonly summary: string; readonly title: string },
  options: { readonly summaryRequired: boolean; readonly currentTitle: string },
): PublishFormCheck {
  const summary = input.summary.trim();
  if (options.summaryRequired && summary === '') return { ok: false, field: 'summary', code: 'summary_required' };
  if (summary.length > VERSION_SUMMARY_MAX) return { ok: false, field: 'summary', code: 'summary_too_long' };
  const title = titleSchema.safeParse(input.title);
  if (!title.success) return { ok: false, field: 'title', code: title.error.issues[0]?.message ?? 'title_invalid' };
  return { ok: true, body: title.data === options.currentTitle.trim() ? { summary } : { summary, title: title.data } };
}

/** A fresh random key (128 bits, hex); crypto.getRandomValues works outside secure contexts too. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type PublishResult =
  | { readonly ok: true; readonly version: VersionItem }
  /** `code`: the API's error code; 'unavailable' when this server has no versions route; 'network' offline. */
  | { readonly ok: false; readonly code: string };

/** POSTs the new version with the dialog's key; the same key always answers with the same version. */
export async function publishVersion(documentId: string, body: PublishBody, idempotencyKey: string): Promise<PublishResult> {
  let response: Response;
  try {
    response = await fetch(versionsApiPath(documentId), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, code: 'network' };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's page, Next's 404 page): judged by the status below.
  }
  if (response.ok) {
    const version = parseVersion((payload as { version?: unknown } | null)?.version);
    return version ? { ok: true, version } : { ok: false, code: 'internal' };
  }
  const code = (payload as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code === 'string') return { ok: false, code };
  if (response.status === 404 || response.status === 405) return { ok: false, code: 'unavailable' };
  return { ok: false, code: response.status >= 500 ? 'internal' : 'invalid_input' };
}

/** Sends JSON to one of the app's route handlers; errors come back as a code for the catalogue. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string };

export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, code: 'network' };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall through to the status.
  }
  if (response.ok) return { ok: true, data: payload as T };
  const code = (payload as { error?: { code?: unknown } } | null)?.error?.code;
  return { ok: false, code: typeof code === 'string' ? code : response.status >= 500 ? 'internal' : 'invalid_input' };
}

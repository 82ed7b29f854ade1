import { HttpError } from './http';

/**
 * A small form body (`application/x-www-form-urlencoded`, as RFC 8058's one-click POST and plain
 * HTML forms send), read up to `maxBytes` (413 beyond); any other type reads as empty.
 */
export async function readSmallForm(request: Request, maxBytes: number): Promise<URLSearchParams> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new HttpError(413, 'body_too_large');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    if (!reader) break;
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HttpError(413, 'body_too_large');
    }
    chunks.push(value);
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return new URLSearchParams();
  return new URLSearchParams(new TextDecoder().decode(Buffer.concat(chunks)));
}

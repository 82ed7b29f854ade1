/**
 * Guests: people without an account who give a display name, to comment where a consultation takes
 * guests (and to report comments anywhere they can read).
 * - GET: the guest this browser is (`{ guest: { name } | null }`).
 * - POST `{ displayName }`: sets the signed, httpOnly `samskriv_guest` cookie for 30 days (201). A
 *   browser that is already a guest keeps its guest id and gets the new name. At most 20 new guest
 *   identities per IP address an hour (429 `rate_limited` with Retry-After).
 * - DELETE: forgets the guest (clears the cookie).
 * A signed-in person's session always counts before a guest cookie.
 */
import { cleanDisplayName } from '../../../lib/comments/commentText';
import { guestSchema } from '../../../lib/comments/commentSchemas';
import { newGuestId } from '../../../lib/comments/guestToken';
import { getServices } from '../../../lib/services';
import { clientIp } from '../../_server/clientIp';
import { NO_STORE } from '../../_server/commentResponses';
import { clearGuestCookie, readGuest, setGuestCookie } from '../../_server/guestCookie';
import { HttpError, assertSameOrigin, handle, readJson } from '../../_server/http';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return handle(async () => {
    const guest = await readGuest();
    return Response.json({ guest: guest ? { name: guest.name } : null }, { headers: NO_STORE });
  });
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const { displayName } = await readJson(request, guestSchema);
    const cleaned = cleanDisplayName(displayName);
    if (!cleaned.ok) throw new HttpError(400, cleaned.code);
    const existing = await readGuest();
    if (!existing) {
      const limit = getServices().guestLimiter.hit(`ip:${clientIp(request)}`);
      if (!limit.allowed)
        throw new HttpError(429, 'rate_limited', { 'Retry-After': String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))) });
    }
    await setGuestCookie(request, { id: existing?.id ?? newGuestId(), name: cleaned.name });
    return Response.json({ guest: { name: cleaned.name } }, { status: 201, headers: NO_STORE });
  });
}

export function DELETE(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    await clearGuestCookie(request);
    return Response.json({ guest: null }, { headers: NO_STORE });
  });
}

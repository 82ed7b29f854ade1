/**
 * The unsubscribe link of notification e-mails, without signing in (`?token=`, signed for one
 * person and one kind or all; lib/notifications/unsubscribeToken.ts).
 * - GET: changes nothing (mail scanners follow links); 303 to the page that says what would stop.
 * - POST: sets the token's kind (or all) to never. This is also RFC 8058's one-click POST from a
 *   mail client (body `List-Unsubscribe=One-Click`), which has no Origin and no session: the valid
 *   token is the authority, so no same-origin check. The page's own form (`from=page`) is sent
 *   back to the page (303), which then confirms; anyone else gets `{ stopped: true, scope }`.
 *   A forged or changed token: 400 `unsubscribe_token_invalid`, nothing changed.
 */
import { getServices } from '../../../../lib/services';
import { NO_STORE } from '../../../_server/commentResponses';
import { HttpError, handle } from '../../../_server/http';
import { readSmallForm } from '../../../_server/readSmallForm';

export const dynamic = 'force-dynamic';

/** The one-click body or the page's form field: a few dozen bytes. */
const MAX_FORM_BYTES = 1024;

const pageOf = (token: string) => `/abonnement/afmeld?token=${encodeURIComponent(token)}`;
const tokenOf = (request: Request) => new URL(request.url).searchParams.get('token') ?? '';

export function GET(request: Request): Promise<Response> {
  return handle(async () => new Response(null, { status: 303, headers: { Location: pageOf(tokenOf(request)), ...NO_STORE } }));
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const token = tokenOf(request);
    const form = await readSmallForm(request, MAX_FORM_BYTES);
    const stopped = await getServices().notificationSettings.unsubscribe(token);
    if (!stopped) throw new HttpError(400, 'unsubscribe_token_invalid');
    if (form.get('from') === 'page') return new Response(null, { status: 303, headers: { Location: pageOf(token), ...NO_STORE } });
    return Response.json({ stopped: true, scope: stopped.scope }, { headers: NO_STORE });
  });
}

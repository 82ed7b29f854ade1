/**
 * POST `{ email }`: e-mail a one-time reset link, when `SMTP_URL` is set (404 otherwise). The
 * answer is 202 whether or not the e-mail has an account; too many requests from one address: 429.
 */
import { forgotPasswordSchema } from '../../../../lib/people/schemas';
import { getServices } from '../../../../lib/services';
import { clientIp } from '../../../_server/clientIp';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const { resetMail } = getServices();
    if (!resetMail) throw new HttpError(404, 'mail_not_configured');
    assertSameOrigin(request);
    const { email } = await readJson(request, forgotPasswordSchema);
    const result = resetMail.request(email, clientIp(request));
    if (!result.accepted) throw new HttpError(429, 'throttled', { 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) });
    return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  });
}

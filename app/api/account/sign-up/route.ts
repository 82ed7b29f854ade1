/**
 * POST: create an account (a citizen) and sign in to it. At most SIGNUPS_PER_IP_PER_HOUR per IP
 * address (429 `rate_limited` with Retry-After).
 *
 * The answer never tells whether the e-mail has an account: 201 `{ person: { id, name } }` either
 * way. For a taken e-mail nobody is signed in, unless the password typed is the account's own (the
 * owner, who forgot they had one: a normal sign-in, counted by the sign-in throttle); the owner is
 * e-mailed a notice when SMTP_URL is set, and the made-up id in the answer names nobody.
 */
import { signUpSchema } from '../../../../lib/people/schemas';
import { getServices } from '../../../../lib/services';
import { newPersonId } from '../../../../lib/people/newPersonId';
import { isDomainError } from '../../../../lib/errors/DomainError';
import { clientIp } from '../../../_server/clientIp';
import { HttpError, assertSameOrigin, handle, readJson } from '../../../_server/http';
import { signInAndSetCookie } from '../../../_server/signInAndSetCookie';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const input = await readJson(request, signUpSchema);
    const { accounts, signUpLimiter, signUpNotice, config } = getServices();
    // New accounts are citizens: with citizens' passwords off (PASSWORD_SIGN_IN_ROLES) they come through single sign-on.
    if (!config.PASSWORD_SIGN_IN_ROLES.includes('citizen')) throw new HttpError(403, 'password_sign_up_off');
    const limit = signUpLimiter.hit(`ip:${clientIp(request)}`);
    if (!limit.allowed) {
      throw new HttpError(429, 'rate_limited', { 'Retry-After': String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))) });
    }
    let created: { id: string } | null = null;
    try {
      created = await accounts.signUp(input);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'email_taken') throw error;
    }
    // Both ways sign in the same way (one password verification), so the time taken tells nothing either.
    const person = await signInQuietly(request, input.email, input.password);
    if (!created && !person) signUpNotice?.notify(input.email);
    return Response.json({ person: person ?? { id: created?.id ?? newPersonId(), name: input.name } }, { status: 201 });
  });
}

/** Signed in, or null when the sign-in was refused (wrong password for a taken e-mail, throttled, disabled). */
async function signInQuietly(request: Request, email: string, password: string): Promise<{ id: string; name: string } | null> {
  try {
    return await signInAndSetCookie(request, email, password);
  } catch (error) {
    if (error instanceof HttpError) return null;
    throw error;
  }
}

/**
 * POST: an admin issues a one-time password-reset link (1 hour) for a person. With `SMTP_URL` set,
 * the link is e-mailed to the person and the answer only says so (`{ emailed: true, email }`);
 * without, the link is in the response for the admin to hand over. Earlier links stop working.
 */
import { getServices } from '../../../../../../lib/services';
import { HttpError, assertSameOrigin, handle } from '../../../../../_server/http';
import { readPrincipal } from '../../../../../_server/readPrincipal';
import { resetLink } from '../../../../../../lib/mail/resetLink';
import { isDomainError } from '../../../../../../lib/errors/DomainError';

export const dynamic = 'force-dynamic';

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const principal = await readPrincipal();
    if (!principal) throw new HttpError(401, 'unauthenticated');
    const personId = (await context.params).id;
    const headers = { 'Cache-Control': 'no-store' };
    const { resetMail, accounts, config } = getServices();
    // The account service asks can(actor, 'administer', platform) and refuses with `forbidden`.
    if (resetMail) {
      let sent: { email: string };
      try {
        sent = await resetMail.mailAdminLink(principal.personId, personId);
      } catch (error) {
        if (isDomainError(error)) throw error;
        throw new HttpError(502, 'mail_failed');
      }
      return Response.json({ emailed: true, email: sent.email }, { status: 201, headers });
    }
    const token = await accounts.createResetToken(principal.personId, personId);
    // The admin sees this link before handing it over; PUBLIC_URL when set, else the admin's own origin.
    const origin = config.PUBLIC_URL ?? request.headers.get('origin') ?? '';
    return Response.json({ emailed: false, link: resetLink(origin, token) }, { status: 201, headers });
  });
}

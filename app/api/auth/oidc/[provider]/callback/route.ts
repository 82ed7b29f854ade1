/**
 * GET: where the OpenID provider sends the browser back (`?code=…&state=…`, or `?error=…`). Checks
 * the answer against the flow cookie (state, nonce and PKCE), links or creates the account, starts
 * a session and redirects to where the person was going; any refusal ends on the error page.
 */
import { OidcError } from '../../../../../../lib/oidc/OidcError';
import { getServices } from '../../../../../../lib/services';
import { callbackUri, clearFlowCookie, errorRedirect, readFlowCookie, redirectTo } from '../../../../../_server/oidcRedirects';
import { readSessionId } from '../../../../../_server/readPrincipal';
import { setSessionCookie } from '../../../../../_server/sessionCookie';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ provider: string }> };

/** The provider's answer is a short query; anything longer is no answer of theirs. */
const MAX_QUERY_LENGTH = 8 * 1024;

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { provider } = await params;
  const flowCookie = await readFlowCookie();
  await clearFlowCookie(request);
  try {
    const { oidc } = getServices();
    if (!oidc) throw new OidcError('oidc_unknown_provider', 'no OpenID providers are configured');
    const callbackUrl = new URL(request.url);
    if (callbackUrl.search.length > MAX_QUERY_LENGTH) throw new OidcError('oidc_response_invalid', 'the answer is too long');
    const signedIn = await oidc.finish(provider, {
      redirectUri: callbackUri(request, provider),
      callbackUrl,
      flowCookie,
      previousSessionId: await readSessionId(),
    });
    await setSessionCookie(request, signedIn.sessionId);
    return redirectTo(signedIn.returnTo);
  } catch (error) {
    return errorRedirect(error, provider);
  }
}

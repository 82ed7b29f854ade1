/**
 * GET: sign in through an OpenID provider. `?returnTo=` (a path on this site) is where the person
 * lands afterwards. Sets the encrypted flow cookie and redirects to the provider; an unknown or
 * unreachable provider ends on the sign-in error page.
 */
import { OidcError } from '../../../../../../lib/oidc/OidcError';
import { safeReturnTo } from '../../../../../../lib/oidc/safeReturnTo';
import { getServices } from '../../../../../../lib/services';
import { callbackUri, errorRedirect, redirectTo, setFlowCookie } from '../../../../../_server/oidcRedirects';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ provider: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { provider } = await params;
  try {
    const { oidc } = getServices();
    if (!oidc) throw new OidcError('oidc_unknown_provider', 'no OpenID providers are configured');
    const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'));
    const { url, flowCookie } = await oidc.start(provider, { redirectUri: callbackUri(request, provider), returnTo });
    await setFlowCookie(request, flowCookie);
    return redirectTo(url);
  } catch (error) {
    return errorRedirect(error, provider);
  }
}

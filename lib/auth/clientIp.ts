/**
 * The header the server entry sets on every request to the socket's address (overwriting any
 * value the client sent), so route handlers can throttle sign-ins per IP. Behind a proxy this is
 * the proxy's address; trusting X-Forwarded-For needs a configured list of proxies (not yet).
 */
export const CLIENT_IP_HEADER = 'x-samskriv-client-ip';

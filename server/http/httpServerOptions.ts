/**
 * The HTTP server's timeouts, explicit rather than Node's defaults: a client that sends its
 * headers or its request slowly (slowloris) is cut off, and idle keep-alive connections close.
 * None of them touches a WebSocket once upgraded: Node stops timing a socket it handed to the
 * 'upgrade' listener.
 */
import type { ServerOptions } from 'node:http';
import type { Config } from '../../lib/config';

type TimeoutConfig = Pick<Config, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'>;

export function httpServerOptions(config: TimeoutConfig): ServerOptions {
  return {
    headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    // Node checks the two timeouts on this period (30 s by default, longer than a short timeout).
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(config.HTTP_HEADERS_TIMEOUT_MS / 4))),
  };
}

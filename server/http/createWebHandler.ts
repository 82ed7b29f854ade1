/**
 * Next.js as a request handler inside our own HTTP server. Next would otherwise attach its own
 * `upgrade` listener to the server on the first request and end /sync sockets (stack notes), so
 * it gets a private emitter as its "server"; the caller forwards only non-/sync upgrades to it, in dev.
 */
import { EventEmitter } from 'node:events';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseMalformedUrl } from './refuseMalformedUrl';

export interface WebHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Dev only: Next's HMR socket. Resolves false in production (the caller refuses the upgrade). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

export class MissingBuildError extends Error {
  override readonly name = 'MissingBuildError';
}

export async function createWebHandler(options: { dev: boolean; dir: string; hostname: string; port: number }): Promise<WebHandler> {
  if (!options.dev) {
    try {
      await access(join(options.dir, '.next', 'BUILD_ID'));
    } catch {
      throw new MissingBuildError(
        `No production build in ${join(options.dir, '.next')}: run \`npm run build\` first (\`npm start\` builds when needed). A failed build leaves no BUILD_ID.`,
      );
    }
  }
  const { default: next } = await import('next');
  const upgrades = new EventEmitter();
  const app = next({
    dev: options.dev,
    dir: options.dir,
    hostname: options.hostname,
    port: options.port,
    customServer: true,
    // Next only calls .on('upgrade') on it; an emitter we control keeps it off the real server.
    httpServer: upgrades as unknown as Server,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    // Before Next decodes the path: it answers 500 to escapes that do not decode.
    handle: (req, res) => (refuseMalformedUrl(req, res) ? Promise.resolve() : handle(req, res)),
    upgrade(req, socket, head) {
      if (!options.dev) return false;
      return upgrades.emit('upgrade', req, socket, head);
    },
    close: () => app.close(),
  };
}

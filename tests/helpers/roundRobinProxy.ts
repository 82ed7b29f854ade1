/**
 * A TCP "load balancer" on 127.0.0.1 (port 0) in front of several server ports: each new
 * connection goes to the next target in turn; a target that refuses the connection (a node killed
 * with -9 has no listener any more) is skipped for the next one, so clients that reconnect land
 * on a live node. Connections are spliced as they are: when either end closes, both do.
 */
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  readonly port: number;
  /** Open connections per target port (targets without any are listed with 0). */
  open(): Map<number, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: readonly number[]): Promise<RoundRobinProxy> {
  const open = new Map<number, Set<Socket>>(targets.map((target) => [target, new Set()]));
  const clients = new Set<Socket>();
  let next = 0;

  function route(client: Socket, attempt: number): void {
    if (attempt >= targets.length || client.destroyed) return void client.destroy();
    const target = targets[next++ % targets.length]!;
    const upstream = connect(target, '127.0.0.1');
    const refused = () => route(client, attempt + 1);
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      upstream.on('error', () => undefined);
      const held = open.get(target)!;
      held.add(upstream);
      const both = () => {
        held.delete(upstream);
        client.destroy();
        upstream.destroy();
      };
      upstream.once('close', both);
      client.once('close', both);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  const server = createServer({ pauseOnConnect: true }, (client) => {
    clients.add(client);
    client.on('error', () => undefined);
    client.once('close', () => clients.delete(client));
    route(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    open: () => new Map([...open].map(([target, sockets]) => [target, sockets.size])),
    close() {
      for (const client of clients) client.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

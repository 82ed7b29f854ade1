/**
 * Fan-out: N clients in one room, each typing 2 edits/s. Measures delivery latency (send → every
 * other client receives the relayed update) and server CPU per 1,000 deliveries.
 */
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { BODY_FRAGMENT, SyncStep } from '../lib/protocol';
import { encodeSyncMessage, EMPTY_STATE_VECTOR, openClient, peekDelivery } from './lib/rawClient';
import type { ServerProcess } from './lib/serverProcess';
import { syncUrl } from './lib/urls';
import { percentile } from './lib/stats';

export interface FanoutResult {
  readonly server: string;
  readonly clients: number;
  readonly updates: number;
  readonly deliveries: number;
  readonly expectedDeliveries: number;
  readonly latenciesMs: number[];
  readonly cpuMs: number;
}

export async function runFanout(
  server: ServerProcess,
  options: { clients: number; seconds: number; editsPerSecond: number },
): Promise<FanoutResult> {
  const room = `fanout-${Date.now().toString(36)}`;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let deliveries = 0;
  let updates = 0;

  // A delivery is an update reaching another client; the upstream server also echoes each update
  // to its sender, which is not counted (nor is its cost excused).
  const onMessage = (receiver: number, data: Uint8Array) => {
    const delivery = peekDelivery(data);
    if (!delivery || delivery.step !== SyncStep.update || delivery.client === undefined || delivery.client === receiver) return;
    const sent = sentAt.get(`${delivery.client}:${delivery.clock}`);
    if (sent === undefined) return;
    latencies.push(performance.now() - sent);
    deliveries++;
  };

  const sockets: WebSocket[] = [];
  const docs: Y.Doc[] = [];
  // The first client creates the room; the rest join it.
  for (let i = 0; i < options.clients; i++) {
    const doc = new Y.Doc();
    const ws = await openClient(await syncUrl(server.port, room, `writer-${i}`), (data) => onMessage(doc.clientID, data));
    ws.send(encodeSyncMessage(SyncStep.step1, EMPTY_STATE_VECTOR));
    sockets.push(ws);
    doc.on('update', (update: Uint8Array) => ws.send(encodeSyncMessage(SyncStep.update, update)));
    // Each writer types into its own text in the body (the server accepts no other root).
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlText()]);
    docs.push(doc);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));

  const cpuBefore = server.cpuMs();
  const intervalMs = 1000 / options.editsPerSecond;
  const timers: NodeJS.Timeout[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  docs.forEach((doc, i) => {
    const type = () => {
      if (performance.now() >= deadline) return;
      const text = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlText;
      const clock = Y.getState(doc.store, doc.clientID);
      sentAt.set(`${doc.clientID}:${clock}`, performance.now());
      updates++;
      text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
      timers.push(setTimeout(type, intervalMs));
    };
    // Spread the writers over the interval, as people do.
    timers.push(setTimeout(type, Math.random() * intervalMs));
  });
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  const expectedDeliveries = () => updates * (options.clients - 1);
  const drainUntil = performance.now() + 5000;
  while (deliveries < expectedDeliveries() && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
  const cpuMs = server.cpuMs() - cpuBefore;
  timers.forEach(clearTimeout);
  for (const ws of sockets) ws.close();
  docs.forEach((doc) => doc.destroy());
  latencies.sort((a, b) => a - b);
  return {
    server: server.name,
    clients: options.clients,
    updates,
    deliveries,
    expectedDeliveries: expectedDeliveries(),
    latenciesMs: latencies,
    cpuMs,
  };
}

export function summarise(results: FanoutResult[]) {
  const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const deliveries = results.reduce((sum, r) => sum + r.deliveries, 0);
  const expected = results.reduce((sum, r) => sum + r.expectedDeliveries, 0);
  const cpu = results.reduce((sum, r) => sum + r.cpuMs, 0);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuPer1000: (cpu / deliveries) * 1000,
    deliveries,
    expected,
    runP99s: results.map((r) => percentile(r.latenciesMs, 99)),
  };
}

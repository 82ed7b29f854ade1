/**
 * The HTTP server's timeouts are set from the configuration, not left at Node's defaults: a
 * client that sends its headers too slowly (slowloris) is cut off, while a WebSocket that was
 * upgraded before is not touched by them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../../lib/config';
import { MessageType, SyncStep } from '../../lib/protocol';
import { startServer } from '../../server/startServer';
import { openRawSocket } from '../helpers/rawSocket';
import { TEST_SECRET, token } from '../helpers/tokens';
import { waitFor } from '../helpers/waitFor';

async function start(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'samskriv-http-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    AUTH_SECRET: TEST_SECRET,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const running = await startServer({ config, projectDir: process.cwd(), syncOnly: true });
  onTestFinished(async () => {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return running;
}

describe('HTTP server timeouts', () => {
  it('sets the configured header, request and keep-alive timeouts', async () => {
    const { server } = await start({
      HTTP_HEADERS_TIMEOUT_MS: '7000',
      HTTP_REQUEST_TIMEOUT_MS: '9000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '4000',
    });
    expect(server.headersTimeout).toBe(7000);
    expect(server.requestTimeout).toBe(9000);
    expect(server.keepAliveTimeout).toBe(4000);
  });

  it('closes a connection that sends its headers too slowly, and leaves an upgraded WebSocket alone', async () => {
    const { port } = await start({ HTTP_HEADERS_TIMEOUT_MS: '200', HTTP_REQUEST_TIMEOUT_MS: '200' });
    const ws = await openRawSocket(`ws://127.0.0.1:${port}/sync/langsom?token=${await token('langsom', 'edit')}`);

    const slow = connect(port, '127.0.0.1');
    let answer = '';
    slow.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => slow.once('close', () => resolve()));
    slow.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // ...and never the rest of the headers.
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);

    // The WebSocket is older than the request timeout and the server has checked since: still alive.
    ws.ws.send(new Uint8Array([MessageType.sync, SyncStep.step1, 1, 0]));
    await waitFor(
      () => ws.frames.some((frame) => frame[0] === MessageType.sync && frame[1] === SyncStep.step2),
      (recheck) => {
        ws.ws.on('message', recheck);
        return () => ws.ws.off('message', recheck);
      },
      { what: 'the WebSocket to answer' },
    );
    ws.ws.close();
  });
});

/**
 * Prints one standalone HTML document to PDF with Chromium, driven over the DevTools protocol on a
 * pipe (`--remote-debugging-pipe`: file descriptors 3 and 4, NUL-terminated JSON; no port, no
 * network). `Page.printToPDF` with `generateTaggedPDF` and `generateDocumentOutline` gives the
 * structure tree (headings, paragraphs, lists, links), bookmarks from the headings, the title from
 * <title>, the language from <html lang>, real text and embedded subsets of the fonts used. One
 * Chromium process per print, in its own process group and a fresh profile, killed afterwards;
 * a time limit and a size limit on the result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { PdfAvailability, PdfFailure, PdfResult } from '../../lib/versions/export/PdfPrinter';

export interface ChromiumOptions {
  /** The Chromium (or Chrome) executable. */
  readonly chromiumPath: string;
  /** Longest a print may take, start of Chromium included. */
  readonly timeoutMs: number;
  /** Largest PDF; a bigger one is refused as `too_large`. */
  readonly maxBytes: number;
}

/** Largest HTML handed to Chromium (a version's HTML is far smaller; this bounds a mistake). */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;
/** Chunk size for reading the PDF stream. */
const READ_CHUNK = 1024 * 1024;

class PrintError extends Error {
  constructor(
    readonly reason: PdfFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Whether the executable is there and may be run (not whether it works: printing finds that out). */
export async function chromiumAvailability(chromiumPath: string): Promise<PdfAvailability> {
  try {
    await access(chromiumPath, constants.X_OK);
    return { available: true };
  } catch {
    return {
      available: false,
      reason: 'chromium_missing',
      message: `No Chromium at ${chromiumPath}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`,
    };
  }
}

function chromiumArgs(profile: string): string[] {
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--mute-audio',
    '--hide-scrollbars',
    // Outlines of glyphs as the font has them, not hinted for this screen: the same PDF on any machine.
    '--font-render-hinting=none',
    // The page loads nothing; the proxy makes sure nothing slips out if it tried.
    '--proxy-server=127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
    // The sandbox cannot start as root nor in most containers (no user namespaces), and Chromium
    // then refuses to run. What it prints is our own escaped HTML, which loads and runs nothing.
    '--no-sandbox',
  ];
  return [...args, 'about:blank'];
}

interface CdpMessage {
  readonly id?: number;
  readonly method?: string;
  readonly sessionId?: string;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
}

/** A DevTools protocol client on Chromium's pipe. */
function cdpClient(input: Writable, output: Readable) {
  let nextId = 0;
  let buffer = '';
  const waiting = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\0');
    while (end >= 0) {
      let message: CdpMessage;
      try {
        message = JSON.parse(buffer.slice(0, end)) as CdpMessage;
      } catch {
        // Never throw in an event handler (it would take the server down): fail this print instead.
        failAll(new PrintError('chromium_failed', 'Chromium sent a DevTools message that is not JSON.'));
        buffer = '';
        return;
      }
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\0');
      if (message.id === undefined) continue;
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new PrintError('chromium_failed', `Chromium refused: ${message.error.message}`));
      else pending?.resolve(message.result ?? {});
    }
  });
  return {
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
      nextId += 1;
      const id = nextId;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    failAll,
  };
}

async function print(html: string, client: ReturnType<typeof cdpClient>, maxBytes: number): Promise<Uint8Array> {
  const { targetId } = (await client.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await client.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  await client.send('Page.enable', {}, sessionId);
  const { frameTree } = (await client.send('Page.getFrameTree', {}, sessionId)) as { frameTree: { frame: { id: string } } };
  await client.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html }, sessionId);
  // Layout needs the fonts; the evaluation is DevTools', which the page's CSP does not stop.
  await client.send(
    'Runtime.evaluate',
    { expression: 'document.fonts.ready.then(() => document.readyState)', awaitPromise: true, returnByValue: true },
    sessionId,
  );
  const { stream } = (await client.send(
    'Page.printToPDF',
    {
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      transferMode: 'ReturnAsStream',
    },
    sessionId,
  )) as { stream: string };
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { data, base64Encoded, eof } = (await client.send('IO.read', { handle: stream, size: READ_CHUNK }, sessionId)) as {
      data: string;
      base64Encoded?: boolean;
      eof: boolean;
    };
    const chunk = Buffer.from(data, base64Encoded ? 'base64' : 'latin1');
    size += chunk.length;
    if (size > maxBytes) throw new PrintError('too_large', `The PDF is larger than ${maxBytes} bytes (PDF_MAX_BYTES).`);
    chunks.push(chunk);
    if (eof) break;
  }
  await client.send('IO.close', { handle: stream }, sessionId);
  return new Uint8Array(Buffer.concat(chunks));
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The whole group: Chromium's zygote, renderer and utility processes with it.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export async function printHtmlToPdf(html: string, options: ChromiumOptions): Promise<PdfResult> {
  if (Buffer.byteLength(html) > MAX_HTML_BYTES) {
    return { ok: false, reason: 'too_large', message: `The HTML to print is larger than ${MAX_HTML_BYTES} bytes.` };
  }
  const availability = await chromiumAvailability(options.chromiumPath);
  if (!availability.available) return { ok: false, reason: availability.reason, message: availability.message };

  const profile = await mkdtemp(join(tmpdir(), 'samskriv-pdf-'));
  let child: ChildProcess | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stderr: string[] = [];
  try {
    child = spawn(options.chromiumPath, chromiumArgs(profile), {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr.push(chunk);
      if (stderr.length > 20) stderr.shift();
    });
    const client = cdpClient(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const started = child;
    const ended = new Promise<never>((_resolve, reject) => {
      started.once('error', (error) => reject(new PrintError('chromium_failed', `Chromium did not start: ${error.message}`)));
      started.once('exit', (code, signal) =>
        reject(
          new PrintError(
            'chromium_failed',
            `Chromium exited (${signal ?? code}) before the PDF was done: ${stderr.join('').trim().slice(-500)}`,
          ),
        ),
      );
    });
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new PrintError('timeout', `Printing took longer than ${options.timeoutMs} ms (PDF_TIMEOUT_MS).`)),
        options.timeoutMs,
      );
    });
    // The pipe's own errors (EPIPE when Chromium dies) surface as the exit above.
    (child.stdio[3] as Writable).on('error', () => undefined);
    const bytes = await Promise.race([print(html, client, options.maxBytes), ended, timedOut]);
    client.send('Browser.close').catch(() => undefined);
    return { ok: true, bytes };
  } catch (error) {
    if (error instanceof PrintError) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: 'chromium_failed', message: `Printing failed: ${(error as Error).message}` };
  } finally {
    clearTimeout(timer);
    if (child?.pid !== undefined) {
      const running = child.exitCode === null && child.signalCode === null;
      const exited = running ? new Promise((resolve) => child!.once('exit', resolve)) : Promise.resolve();
      killGroup(child);
      // Chromium holds the profile until it is gone.
      await exited;
    }
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

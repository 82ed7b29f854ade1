/**
 * The document's text as the sync server has it: a stock y-websocket client in Node (a second
 * client, not the browser under test) with a view token, waiting on the doc's updates until the
 * body holds what is expected. Not a timer: every update re-checks; the timeout only names a hang.
 */
import { connectProvider } from '../../helpers/connectProvider';
import { waitForDoc } from '../../helpers/waitFor';
import { mintSyncToken } from '../../../lib/auth/syncToken';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import type { AppServer } from './startAppServer';
import { WAIT_MS } from './editorPage';

/** Resolves once the server's copy of the body contains every one of `texts`; rejects with what it has after `timeout`. */
export async function waitForServerText(
  server: AppServer,
  documentId: string,
  texts: readonly string[],
  timeout = WAIT_MS,
): Promise<string> {
  const token = await mintSyncToken({ sub: 'e2e:server-reader', name: 'Kontrollæser', doc: documentId, access: 'view' }, server.secret);
  const reader = connectProvider(`${server.url.replace(/^http/, 'ws')}/sync`, documentId, { token });
  const text = () => documentText(reader.doc.getXmlFragment(BODY_FRAGMENT)).text;
  try {
    await waitForDoc(reader.doc, () => texts.every((wanted) => text().includes(wanted)), {
      what: `the server's text to hold ${JSON.stringify(texts)}`,
      timeoutMs: timeout,
    }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; it holds ${JSON.stringify(text())}`);
    });
    return text();
  } finally {
    reader.destroy();
  }
}

/**
 * The frame most browser test files share, registered as the file's hooks when called at its top
 * level: the production server, one Chromium, and the browser contexts to close at the end
 * (closeBrowserTest). `watchedBrowserTest` adds the server's first admin and a comments client, and
 * watches every context: after each test there must have been no CSP violation and no dialog.
 * The fields are filled in by beforeAll; read them inside hooks and tests.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { closeBrowserTest } from './closeBrowserTest';
import { startServerWithAdmin, type Client, type CommentsClient } from './commentsClient';
import { setRoleOverHttp } from './consultationDocument';
import { launchChromium } from './launchChromium';
import { signedInProfile, type SignedInProfile } from './signedInProfile';
import { startAppServer, type AppServer } from './startAppServer';
import { watchedContexts, type WatchedContexts } from './watchedContexts';

export interface BrowserTest {
  readonly server: AppServer;
  readonly browser: Browser;
  /** Every context made, closed after the file. */
  readonly contexts: BrowserContext[];
  /** A person signed up and signed in, in a browser profile of their own (signedInProfile). */
  readonly person: (name: string) => Promise<SignedInProfile>;
}

export interface WatchedBrowserTest extends BrowserTest {
  readonly http: CommentsClient;
  readonly admin: Client;
  readonly watching: WatchedContexts;
  /**
   * Publishes the owner's document as the real flow does: made public, through review and
   * consultation, and published by a moderator (signed up and given the role by the admin).
   * Resolves with the version's number.
   */
  readonly publish: (documentId: string, ownerSession: string, summary: string) => Promise<number>;
}

interface Started {
  server?: AppServer;
  browser?: Browser;
  http?: CommentsClient;
  admin?: Client;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started yet: read it inside a hook or a test`);
  return value;
}

function frame(started: Started, watching: WatchedContexts, setUp?: (context: BrowserContext) => Promise<void>): WatchedBrowserTest {
  afterAll(() => closeBrowserTest(watching.contexts, started.browser, started.server));
  const test: WatchedBrowserTest = {
    get server() {
      return ready(started.server, 'the server');
    },
    get browser() {
      return ready(started.browser, 'Chromium');
    },
    get http() {
      return ready(started.http, 'the comments client');
    },
    get admin() {
      return ready(started.admin, 'the admin');
    },
    contexts: watching.contexts,
    watching,
    person: (name) => signedInProfile(test.browser, test.server, name, { contexts: watching.contexts, setUp }),
    publish: async (documentId, ownerSession, summary) => {
      const { http } = test;
      const owner = { session: ownerSession };
      // Public, so the moderator may publish it.
      await http.ok(http.call('PUT', `/api/documents/${documentId}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');
      const moderator = await http.signUp('Mona Moderator');
      await setRoleOverHttp(test.server, test.admin.session!, moderator.id, 'moderator');
      for (const state of ['in_review', 'consultation'])
        await http.ok(http.call('PATCH', `/api/documents/${documentId}/state`, { as: owner, body: { state } }), state);
      const published = await http.ok(
        http.call('POST', `/api/documents/${documentId}/versions`, { as: moderator, body: { summary } }),
        'publish',
      );
      return (published.body!.version as { number: number }).number;
    },
  };
  return test;
}

/** The production server and Chromium for this file. */
export function browserTest(): BrowserTest {
  const started: Started = {};
  beforeAll(async () => {
    started.server = await startAppServer();
    started.browser = await launchChromium();
  });
  // The contexts are not watched here: only gathered for closing.
  return frame(started, watchedContexts());
}

/**
 * The production server with its first admin, Chromium, and watched contexts; `setUp` (default: the
 * watching itself) prepares each person's context and must call `watching.watch`.
 */
export function watchedBrowserTest(setUp?: (watching: WatchedContexts, context: BrowserContext) => Promise<void>): WatchedBrowserTest {
  const started: Started = {};
  const watching = watchedContexts();
  beforeAll(async () => {
    ({ server: started.server, http: started.http, admin: started.admin } = await startServerWithAdmin());
    started.browser = await launchChromium();
  });
  afterEach(() => {
    expect(watching.cspViolations.splice(0)).toEqual([]);
    expect(watching.dialogs.splice(0)).toEqual([]);
  });
  return frame(started, watching, (context) => (setUp ? setUp(watching, context) : watching.watch(context)));
}

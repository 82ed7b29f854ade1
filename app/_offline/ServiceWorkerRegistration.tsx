'use client';
/**
 * Registers the service worker (public/sw.js, built from app/sw.ts) in production builds, with
 * Serwist's React provider:
 * - `reloadOnOnline={false}`: the page is NOT reloaded when the network returns (the editor
 *   reconnects by itself, and a reload would throw away what the person is doing);
 * - after an in-app navigation to a page that works offline (which fetches an RSC payload, not
 *   HTML) the worker is asked to fetch that page's HTML too, so a document opened from the list
 *   opens again offline. Serwist's own `cacheOnNavigation` is off: it also fires on every
 *   `replaceState` (Next.js calls it on each page load), which would render every page twice.
 * When a worker takes control of this page (the first visit, or a new build), it is asked to keep
 * this page and to refresh the pages it already holds (see app/sw.ts).
 *
 * `npm run dev` does not build sw.js: there, nothing is registered, and a worker left over from a
 * production build on the same origin is removed (it would serve stale pages and scripts).
 */
import { SerwistProvider } from '@serwist/next/react';
import { useEffect, type ReactNode } from 'react';
import { isOfflinePage, REFRESH_PAGES_MESSAGE } from './offlineRoutes';

const ENABLED = process.env.NODE_ENV === 'production';
const SW_URL = '/sw.js';
// The worker is one self-contained script; a classic worker also runs in browsers without module workers.
const OPTIONS = { scope: '/', type: 'classic' } as const;

export function ServiceWorkerRegistration({ children }: { children: ReactNode }) {
  return (
    <SerwistProvider swUrl={SW_URL} disable={!ENABLED} reloadOnOnline={false} cacheOnNavigation={false} options={OPTIONS}>
      {ENABLED ? <KeepPagesCurrent /> : <RemoveLeftoverWorkers />}
      {children}
    </SerwistProvider>
  );
}

/** Asks the controlling worker to fetch a page into its cache, if it is one that works offline. */
function keepPage(url: string | URL): void {
  const worker = navigator.serviceWorker.controller;
  const target = new URL(url, window.location.href);
  if (!worker || !navigator.onLine || target.origin !== window.location.origin || !isOfflinePage(target)) return;
  worker.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [target.pathname + target.search] } });
}

function KeepPagesCurrent() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    const onControllerChange = () => {
      container.controller?.postMessage({ type: REFRESH_PAGES_MESSAGE });
      // This page came from the network, before any worker saw it: hand it over to be kept.
      keepPage(window.location.href);
    };
    container.addEventListener('controllerchange', onControllerChange);
    const pushState = window.history.pushState;
    window.history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      pushState.apply(this, args);
      if (args[2] !== undefined && args[2] !== null) keepPage(args[2]);
    };
    return () => {
      container.removeEventListener('controllerchange', onControllerChange);
      window.history.pushState = pushState;
    };
  }, []);
  return null;
}

function RemoveLeftoverWorkers() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    void navigator.serviceWorker
      .getRegistrations()
      .then((registrations) =>
        Promise.all(
          registrations
            .filter((registration) => (registration.active ?? registration.waiting ?? registration.installing)?.scriptURL.endsWith(SW_URL))
            .map((registration) => registration.unregister()),
        ),
      );
  }, []);
  return null;
}

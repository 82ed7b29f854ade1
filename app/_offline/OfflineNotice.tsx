'use client';
/**
 * "Du er offline …" at the top of every site page while the browser says it has no network, or
 * while this page came from the service worker's cache (the server could not be reached) until
 * the server answers again. The page is not reloaded when it does: the editor reconnects by itself.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useT } from '../../lib/i18n/useT';
import { useOnline } from '../_components/useOnline';
import { FROM_CACHE_TIMING } from './offlineRoutes';
import './offline.css';

const HEALTH_PATH = '/healthz';
const FIRST_PROBE_MS = 2_000;
const MAX_PROBE_MS = 30_000;

/** Whether the service worker answered this page's navigation from its cache (it adds a Server-Timing entry). */
export function pageCameFromCache(): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.serverTiming?.some((entry) => entry.name === FROM_CACHE_TIMING) ?? false;
}

const noSubscription = () => () => undefined;

/** True while this page is a cached copy and the server has not answered since. */
function useServedFromCache(online: boolean): boolean {
  const fromCache = useSyncExternalStore(noSubscription, pageCameFromCache, () => false);
  const [serverBack, setServerBack] = useState(false);
  const stale = fromCache && !serverBack;
  useEffect(() => {
    if (!stale || !online) return;
    let delay = FIRST_PROBE_MS;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const probe = async () => {
      try {
        const response = await fetch(HEALTH_PATH, { cache: 'no-store' });
        if (response.ok && !stopped) {
          setServerBack(true);
          return;
        }
      } catch {
        // still unreachable
      }
      if (stopped) return;
      delay = Math.min(delay * 2, MAX_PROBE_MS);
      timer = setTimeout(() => void probe(), delay);
    };
    timer = setTimeout(() => void probe(), FIRST_PROBE_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [stale, online]);
  return stale;
}

export function OfflineNotice() {
  const t = useT();
  const online = useOnline();
  const fromCache = useServedFromCache(online);
  const offline = !online || fromCache;
  return (
    <div className="offline-notice" role="status" data-testid="offline-notice">
      {offline && <p className="offline-notice__text">{t('offline.notice')}</p>}
    </div>
  );
}

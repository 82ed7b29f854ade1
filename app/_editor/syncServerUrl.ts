import { SYNC_PATH_PREFIX } from '../../lib/protocol';

/** ws(s)://<this host>/sync: the sync endpoint shares the page's origin (so the session cookie goes along). */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
}

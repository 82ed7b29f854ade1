import { useEffect, useState } from 'react';
import { fetchVersions, newestPublished, type VersionItem } from './versionList';

/**
 * Once `published` is true: the document's newest published version, read once from the versions
 * route. `ready` turns true when the answer is in; `version` stays null when there is none to name
 * (the route missing or failing), and the editor then says only that the document is published.
 */
export function usePublishedVersion(documentId: string, published: boolean): { ready: boolean; version: VersionItem | null } {
  const [answer, setAnswer] = useState<{ ready: boolean; version: VersionItem | null }>({ ready: false, version: null });
  useEffect(() => {
    if (!published) return;
    let current = true;
    void fetchVersions(documentId).then((versions) => {
      if (current) setAnswer({ ready: true, version: versions ? newestPublished(versions) : null });
    });
    return () => {
      current = false;
    };
  }, [documentId, published]);
  return answer;
}

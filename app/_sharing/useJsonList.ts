'use client';
import { useEffect, useState } from 'react';

/** GETs `url` once (and again when it changes) and keeps `pick(body)`; errors leave the initial value. */
export function useJsonList<T>(url: string, pick: (body: unknown) => T | undefined, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
      .then((body) => {
        const picked = body === null ? undefined : pick(body);
        if (live && picked !== undefined) setValue(picked);
      })
      .catch(() => undefined); // stays as it was; the next action refreshes it
    return () => {
      live = false;
    };
    // `pick` is a pure projection; refetching when only its identity changes would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  return [value, setValue];
}

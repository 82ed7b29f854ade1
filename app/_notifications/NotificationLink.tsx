'use client';
import type { ReactNode } from 'react';

/**
 * A notification's link to its document: following it marks that notification read (a request that
 * outlives the navigation). Without JavaScript it is a plain link; "Markér alle som læst" remains.
 */
export function NotificationLink({ id, href, read, children }: { id: string; href: string; read: boolean; children: ReactNode }) {
  function markRead() {
    if (read) return;
    void fetch('/api/notifications/read', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: [id] }),
      credentials: 'same-origin',
      keepalive: true,
    }).catch(() => undefined);
  }
  return (
    <a href={href} onClick={markRead}>
      {children}
    </a>
  );
}

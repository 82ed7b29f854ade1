'use client';
import Link from 'next/link';
import { useId } from 'react';
import { useT } from '../../lib/i18n/useT';

export interface WorkspaceSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
}

/** "Dine arbejdsrum": the workspaces the person belongs to, each a filter of the document list. */
export function WorkspaceNav({ workspaces, activeId }: { workspaces: readonly WorkspaceSummary[]; activeId: string | null }) {
  const t = useT();
  const id = useId();
  return (
    <nav className="card workspace-nav" aria-labelledby={id} data-testid="workspace-nav">
      <h2 id={id}>{t('workspaces.heading')}</h2>
      <ul>
        <li>
          <Link href="/" aria-current={activeId === null ? 'page' : undefined}>
            {t('workspaces.all')}
          </Link>
        </li>
        {workspaces.map((workspace) => (
          <li key={workspace.id}>
            <Link href={`/?arbejdsrum=${encodeURIComponent(workspace.id)}`} aria-current={activeId === workspace.id ? 'page' : undefined}>
              {workspace.name}
            </Link>
            {workspace.description && <span className="hint"> – {workspace.description}</span>}
          </li>
        ))}
      </ul>
    </nav>
  );
}

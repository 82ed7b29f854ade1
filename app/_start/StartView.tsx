'use client';
import Link from 'next/link';
import { useId, useMemo } from 'react';
import { useT } from '../../lib/i18n/useT';
import type { StartDocument } from '../_shared/StartDocument';
import { DocumentListItem } from './DocumentListItem';
import { NewDocumentForm } from './NewDocumentForm';
import { useOfflineShelf } from './useOfflineShelf';
import { WorkspaceNav, type WorkspaceSummary } from './WorkspaceNav';

/** The documents (newest first; of one workspace when one is chosen), the person's workspaces, and the form for a new one. */
export function StartView({
  documents,
  personKey,
  signedIn,
  workspaces,
  activeWorkspace,
}: {
  documents: readonly StartDocument[];
  /** Whose local data this browser shows (lib/offline/localNames.ts): the person id, or ANONYMOUS_KEY. */
  personKey: string;
  signedIn: boolean;
  workspaces: readonly WorkspaceSummary[];
  activeWorkspace: WorkspaceSummary | null;
}) {
  const t = useT();
  const id = useId();
  const offline = useOfflineShelf(
    personKey,
    useMemo(() => documents.map((document) => document.id), [documents]),
  );
  return (
    <div className="start">
      <section aria-labelledby={`${id}-docs`}>
        <h1 id={`${id}-docs`}>{t('start.heading')}</h1>
        <p className="start__intro">
          {t('start.intro')}{' '}
          {documents.length > 0 && (documents.length === 1 ? t('start.count.one') : t('start.count.other', { n: documents.length }))}
        </p>
        {activeWorkspace && <p>{t('workspaces.showing', { name: activeWorkspace.name })}</p>}
        {documents.length === 0 ? (
          <div className="card empty-state">
            <h2>{t('start.empty.heading')}</h2>
            <p>{t('start.empty.body')}</p>
          </div>
        ) : (
          <ul className="doc-list">
            {documents.map((document) => (
              <DocumentListItem key={document.id} document={document} offline={offline} />
            ))}
          </ul>
        )}
      </section>
      {signedIn ? (
        <div className="start__side">
          {workspaces.length > 0 && <WorkspaceNav workspaces={workspaces} activeId={activeWorkspace?.id ?? null} />}
          <NewDocumentForm workspaces={workspaces} defaultWorkspaceId={activeWorkspace?.id ?? null} />
        </div>
      ) : (
        <aside className="card" aria-labelledby={`${id}-join`}>
          <h2 id={`${id}-join`}>{t('start.signedOut.heading')}</h2>
          <p>{t('start.signedOut.body')}</p>
          <p>
            <Link className="button" href="/konto/log-ind">
              {t('account.signIn.link')}
            </Link>{' '}
            <Link className="button button--secondary" href="/konto/opret">
              {t('account.signUp.link')}
            </Link>
          </p>
        </aside>
      )}
    </div>
  );
}

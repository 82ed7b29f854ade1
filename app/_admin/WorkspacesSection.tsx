'use client';
import { useId, useRef, type FormEvent } from 'react';
import { useT } from '../../lib/i18n/useT';
import type { AdminWorkspace } from '../_shared/AdminViews';
import { MembersEditor } from './MembersEditor';
import { PlaceControls } from './PlaceControls';
import { useAdminAction } from './useAdminAction';

/** Workspaces: create one, and who belongs to it (members see its documents). */
export function WorkspacesSection({ workspaces }: { workspaces: readonly AdminWorkspace[] }) {
  const t = useT();
  const id = useId();
  const action = useAdminAction();
  // Renaming and removing: its own messages, shown above the list so they outlive a removed item.
  const manage = useAdminAction();
  const heading = useRef<HTMLHeadingElement>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '');
    const result = await action.run(
      'POST',
      '/api/admin/workspaces',
      { name, description: data.get('description') ?? '', kind: data.get('kind') === 'forum' ? 'forum' : 'team' },
      () => t('admin.workspaces.created', { name }),
    );
    if (result.ok) form.reset();
  }

  return (
    <section className="card admin-section" aria-labelledby={`${id}-heading`} data-testid="admin-workspaces">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('admin.workspaces.heading')}
      </h2>
      {manage.error && (
        <p className="field-error" role="alert">
          {manage.error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {manage.announcement}
      </p>
      {workspaces.length === 0 ? (
        <p>{t('admin.workspaces.none')}</p>
      ) : (
        <ul className="admin-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <h3>{workspace.name}</h3>
              {workspace.kind === 'forum' && <p className="hint">{t('admin.workspaces.kind.forum')}</p>}
              {workspace.description && <p className="hint">{workspace.description}</p>}
              <PlaceControls
                kind="workspace"
                id={workspace.id}
                name={workspace.name}
                description={workspace.description}
                action={manage}
                onRemoved={() => heading.current?.focus()}
              />
              <MembersEditor
                name={workspace.name}
                url={`/api/admin/workspaces/${encodeURIComponent(workspace.id)}/members`}
                members={workspace.members}
              />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} noValidate>
        <h3>{t('admin.workspaces.create')}</h3>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.workspaces.name')}</label>
          <input id={`${id}-name`} name="name" type="text" required maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('admin.workspaces.description')}</label>
          <input id={`${id}-description`} name="description" type="text" maxLength={500} />
        </div>
        <fieldset className="field">
          <legend>{t('admin.workspaces.kind')}</legend>
          <div>
            <input id={`${id}-kind-team`} name="kind" type="radio" value="team" defaultChecked />
            <label htmlFor={`${id}-kind-team`}>{t('admin.workspaces.kind.team')}</label>
          </div>
          <div>
            <input id={`${id}-kind-forum`} name="kind" type="radio" value="forum" />
            <label htmlFor={`${id}-kind-forum`}>{t('admin.workspaces.kind.forum')}</label>
          </div>
        </fieldset>
        {action.error && (
          <p className="field-error" role="alert">
            {action.error}
          </p>
        )}
        <p className="visually-hidden" role="status">
          {action.announcement}
        </p>
        <button className="button" type="submit" disabled={action.busy}>
          {t('admin.workspaces.create')}
        </button>
      </form>
    </section>
  );
}

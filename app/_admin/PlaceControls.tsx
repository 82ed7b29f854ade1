'use client';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { formatNumber, pluralCategory } from '../../lib/i18n/plural';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { Translate } from '../../lib/i18n/t';
import { organisationRenameSchema } from '../../lib/people/schemas';
import { workspaceUpdateSchema } from '../../lib/people/workspaceSchema';
import type { RemovalCounts } from '../_shared/AdminViews';
import { firstIssueCode } from '../_shared/schemas';
import type { useAdminAction } from './useAdminAction';

type Kind = 'organisation' | 'workspace';
type Mode = { kind: 'idle' } | { kind: 'renaming' } | { kind: 'confirming'; removal: RemovalCounts };

const BASE = { organisation: '/api/admin/organisations', workspace: '/api/admin/workspaces' } as const;

type Locale = ReturnType<typeof useLocale>;

/** What removal does, one sentence each, as the admin confirms it. */
function consequences(t: Translate, locale: Locale, kind: Kind, { name, members, documents, madePrivate }: RemovalCounts): string[] {
  const one = (n: number) => pluralCategory(locale, n) === 'one';
  const n = (value: number) => ({ n: formatNumber(value, locale) });
  if (kind === 'organisation') {
    return [
      members === 0
        ? t('admin.orgs.removal.members.zero')
        : one(members)
          ? t('admin.orgs.removal.members.one')
          : t('admin.orgs.removal.members', n(members)),
      documents === 0
        ? t('admin.orgs.removal.documents.zero')
        : one(documents)
          ? t('admin.orgs.removal.documents.one')
          : t('admin.orgs.removal.documents', n(documents)),
      t('admin.orgs.removal.kept', { name }),
    ];
  }
  return [
    members === 0
      ? t('admin.workspaces.removal.members.zero')
      : one(members)
        ? t('admin.workspaces.removal.members.one')
        : t('admin.workspaces.removal.members', n(members)),
    documents === 0
      ? t('admin.workspaces.removal.documents.zero')
      : one(documents)
        ? t('admin.workspaces.removal.documents.one')
        : t('admin.workspaces.removal.documents', n(documents)),
    ...(madePrivate === 0
      ? []
      : [one(madePrivate) ? t('admin.workspaces.removal.private.one') : t('admin.workspaces.removal.private', n(madePrivate))]),
  ];
}

/**
 * Renaming an organisation or workspace in place, and removing it after stating what removal does
 * (counted by the server just before). `action` is the section's, so what is announced outlives
 * this item once the list no longer shows it.
 */
export function PlaceControls({
  kind,
  id,
  name,
  description,
  action,
  onRemoved,
}: {
  kind: Kind;
  id: string;
  name: string;
  description?: string | null;
  action: ReturnType<typeof useAdminAction>;
  /** After removal (the item goes away): where focus goes. */
  onRemoved: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const domId = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const statement = useRef<HTMLDivElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  // Where focus goes back to when a form or the statement closes without the item going away.
  const [returnTo, setReturnTo] = useState<'rename' | 'remove' | null>(null);
  const url = `${BASE[kind]}/${encodeURIComponent(id)}`;

  useEffect(() => {
    if (mode.kind === 'confirming') statement.current?.focus();
    if (mode.kind === 'renaming') nameInput.current?.focus();
    if (mode.kind === 'idle' && returnTo) (returnTo === 'rename' ? renameButton : removeButton).current?.focus();
  }, [mode.kind, returnTo]);

  const close = (to: 'rename' | 'remove') => {
    setReturnTo(to);
    setMode({ kind: 'idle' });
  };

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input =
      kind === 'organisation' ? { name: data.get('name') } : { name: data.get('name'), description: data.get('description') ?? '' };
    // The server's schema, for a quick answer; the route checks again.
    const parsed = (kind === 'organisation' ? organisationRenameSchema : workspaceUpdateSchema).safeParse(input);
    if (!parsed.success) return action.setError(errorMessage(t, firstIssueCode(parsed.error)));
    const next = parsed.data.name;
    const result = await action.run('PATCH', url, input, () =>
      next === name ? t('admin.place.saved', { name }) : t('admin.place.renamed', { old: name, name: next }),
    );
    if (result.ok) close('rename');
  }

  async function preview() {
    action.setError(null);
    let response: Response;
    try {
      response = await fetch(`${url}/removal`, { credentials: 'same-origin', cache: 'no-store' });
    } catch {
      return action.setError(errorMessage(t, 'network'));
    }
    const payload = (await response.json().catch(() => null)) as { removal?: RemovalCounts; error?: { code?: string } } | null;
    if (!response.ok || !payload?.removal) return action.setError(errorMessage(t, payload?.error?.code ?? 'internal'));
    setMode({ kind: 'confirming', removal: payload.removal });
  }

  async function remove() {
    const done = kind === 'organisation' ? 'admin.orgs.removed' : 'admin.workspaces.removed';
    const result = await action.run('DELETE', url, undefined, () => t(done, { name }));
    if (result.ok) {
      // The item goes away with the refresh: focus goes to the section, not back to its button.
      setReturnTo(null);
      setMode({ kind: 'idle' });
      onRemoved();
    }
  }

  if (mode.kind === 'renaming') {
    return (
      <form className="admin-inline-form place-form" onSubmit={rename} noValidate>
        <div className="field">
          <label htmlFor={`${domId}-name`}>{t('admin.place.newName', { name })}</label>
          <input ref={nameInput} id={`${domId}-name`} name="name" type="text" required maxLength={120} defaultValue={name} />
        </div>
        {kind === 'workspace' && (
          <div className="field">
            <label htmlFor={`${domId}-description`}>{t('admin.place.newDescription', { name })}</label>
            <input id={`${domId}-description`} name="description" type="text" maxLength={500} defaultValue={description ?? ''} />
          </div>
        )}
        <div className="place-actions">
          <button className="button button--small" type="submit" disabled={action.busy} aria-label={t('admin.place.saveOf', { name })}>
            {t('admin.place.save')}
          </button>
          <button className="button button--small button--secondary" type="button" onClick={() => close('rename')}>
            {t('admin.place.cancel')}
          </button>
        </div>
      </form>
    );
  }

  if (mode.kind === 'confirming') {
    const organisation = kind === 'organisation';
    return (
      <div className="place-removal" role="group" aria-labelledby={`${domId}-removal`}>
        <div ref={statement} tabIndex={-1} className="place-removal__statement" data-testid="removal-statement">
          <p id={`${domId}-removal`} className="place-removal__heading">
            {t('admin.place.removal.heading', { name })}
          </p>
          <ul>
            {consequences(t, locale, kind, mode.removal).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          <p>{t('admin.place.removal.final')}</p>
        </div>
        <div className="place-actions">
          <button
            className="button button--small button--danger"
            type="button"
            disabled={action.busy}
            aria-label={organisation ? t('admin.orgs.removal.confirmOf', { name }) : t('admin.workspaces.removal.confirmOf', { name })}
            onClick={() => void remove()}
          >
            {organisation ? t('admin.orgs.removal.confirm') : t('admin.workspaces.removal.confirm')}
          </button>
          <button className="button button--small button--secondary" type="button" onClick={() => close('remove')}>
            {t('admin.place.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="place-actions">
      <button
        ref={renameButton}
        className="button button--small button--secondary"
        type="button"
        aria-label={t('admin.place.renameOf', { name })}
        onClick={() => {
          action.setError(null);
          setMode({ kind: 'renaming' });
        }}
      >
        {t('admin.place.rename')}
      </button>
      <button
        ref={removeButton}
        className="button button--small button--secondary"
        type="button"
        disabled={action.busy}
        aria-label={t('admin.place.removeOf', { name })}
        onClick={() => void preview()}
      >
        {t('admin.place.remove')}
      </button>
    </div>
  );
}

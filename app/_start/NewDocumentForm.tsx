'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { TEMPLATE_IDS, TEMPLATE_MESSAGE_KEYS } from '../../lib/documents/templateIds';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { TITLE_MAX_LENGTH, createDocumentSchema, firstIssueCode } from '../_shared/schemas';
import { sendJson } from '../_components/postJson';
import type { WorkspaceSummary } from './WorkspaceNav';

/** "Nyt dokument": a title, a template and (for workspace members) a workspace; the server seeds the body, then we open it. */
export function NewDocumentForm({
  workspaces,
  defaultWorkspaceId,
}: {
  workspaces: readonly WorkspaceSummary[];
  defaultWorkspaceId: string | null;
}) {
  const t = useT();
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const workspace = form.get('workspaceId');
    const parsed = createDocumentSchema.safeParse({
      title: form.get('title'),
      template: form.get('template'),
      workspaceId: typeof workspace === 'string' && workspace !== '' ? workspace : null,
    });
    if (!parsed.success) {
      setError(errorMessage(t, firstIssueCode(parsed.error)));
      return;
    }
    setBusy(true);
    const result = await sendJson<{ document: { id: string } }>('POST', '/api/documents', parsed.data);
    if (!result.ok) {
      setBusy(false);
      setError(errorMessage(t, result.code));
      return;
    }
    router.push(`/d/${result.data.document.id}`);
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('create.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('create.titleLabel')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('create.titleHint')}
          </p>
          <input
            id={`${id}-title`}
            name="title"
            type="text"
            required
            maxLength={TITLE_MAX_LENGTH}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <fieldset>
          <legend>{t('create.templateLegend')}</legend>
          {TEMPLATE_IDS.map((template, index) => {
            const [label, hint] = TEMPLATE_MESSAGE_KEYS[template];
            return (
              <label className="choice" key={template}>
                <input
                  type="radio"
                  name="template"
                  value={template}
                  defaultChecked={index === 0}
                  aria-labelledby={`${id}-${template}-label`}
                  aria-describedby={`${id}-${template}-hint`}
                />
                <span className="choice__label" id={`${id}-${template}-label`}>
                  {t(label)}
                </span>
                <span className="hint" id={`${id}-${template}-hint`}>
                  {t(hint)}
                </span>
              </label>
            );
          })}
        </fieldset>
        {workspaces.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-workspace`}>{t('create.workspace')}</label>
            <p className="hint" id={`${id}-workspace-hint`}>
              {t('create.workspace.hint')}
            </p>
            <select
              id={`${id}-workspace`}
              name="workspaceId"
              defaultValue={defaultWorkspaceId ?? ''}
              aria-describedby={`${id}-workspace-hint`}
            >
              <option value="">{t('create.workspace.none')}</option>
              {workspaces.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('form.working') : t('create.submit')}
        </button>
      </form>
    </section>
  );
}

'use client';
import type { Editor } from '@tiptap/core';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n/useT';

/** Accepts https://, http:// and mailto: addresses; a bare "kommune.dk" becomes https://kommune.dk. */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  if (/^(https?:\/\/|mailto:)\S+$/i.test(value)) return value;
  if (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(value)) return `https://${value}`;
  return null;
}

/** Inline form under the toolbar to add, change or remove a link on the selection. */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const current = editor.getAttributes('link').href as string | undefined;
  const [error, setError] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const href = normaliseHref(String(new FormData(event.currentTarget).get('href') ?? ''));
    if (!href) {
      setError(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onDone();
  }

  return (
    <form
      className="link-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          editor.commands.focus();
          onDone();
        }
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-href`}>{t('link.label')}</label>
        <input
          id={`${id}-href`}
          name="href"
          type="url"
          inputMode="url"
          defaultValue={current ?? 'https://'}
          aria-invalid={error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoFocus
        />
      </div>
      <button className="button button--small" type="submit">
        {t('link.apply')}
      </button>
      {current && (
        <button
          className="button button--secondary button--small"
          type="button"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onDone();
          }}
        >
          {t('link.remove')}
        </button>
      )}
      <button
        className="button button--secondary button--small"
        type="button"
        onClick={() => {
          editor.commands.focus();
          onDone();
        }}
      >
        {t('link.cancel')}
      </button>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {t('link.invalid')}
        </p>
      )}
    </form>
  );
}

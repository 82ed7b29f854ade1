'use client';
import { useId, useState, type FormEvent } from 'react';
import type { Anchor } from '../../lib/comments/model';
import { useT } from '../../lib/i18n/useT';
import { COMMENT_TEXT_MAX_LENGTH, REPLACEMENT_MAX_LENGTH } from './limits';

export interface NewComment {
  readonly kind: 'comment' | 'suggestion';
  readonly text: string;
  readonly replacement?: string;
}

/**
 * A comment (or a suggested wording) on the passage the person selected: the quote, their text,
 * and, ticked, a field with the passage to rewrite. Escape or "Annullér" closes it.
 */
export function NewCommentForm({
  anchor,
  onSubmit,
  onCancel,
}: {
  anchor: Anchor;
  onSubmit: (comment: NewComment) => Promise<string | null>;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [suggest, setSuggest] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get('text') ?? '').trim();
    const replacement = String(form.get('replacement') ?? '');
    if (suggest && replacement === anchor.quote.exact) return setError(t('consultation.suggest.unchanged'));
    if (!suggest && text === '') return setError(t('consultation.comment.required'));
    setBusy(true);
    const failure = await onSubmit(suggest ? { kind: 'suggestion', text, replacement } : { kind: 'comment', text });
    setBusy(false);
    setError(failure);
  }

  return (
    <form
      className="comment-form comment-form--new"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
      noValidate
      data-testid="new-comment-form"
    >
      <h3 id={`${id}-heading`}>{t(suggest ? 'consultation.new.headingSuggestion' : 'consultation.new.heading')}</h3>
      <p className="thread__label">{t('consultation.new.quote')}</p>
      <blockquote className="thread__quote">
        <p>{anchor.quote.exact}</p>
      </blockquote>
      <div className="choice">
        <input id={`${id}-suggest`} type="checkbox" checked={suggest} onChange={(event) => setSuggest(event.target.checked)} />
        <label htmlFor={`${id}-suggest`} className="choice__label">
          {t('consultation.suggest.toggle')}
        </label>
      </div>
      {suggest && (
        <div className="field">
          <label htmlFor={`${id}-replacement`}>{t('consultation.suggest.replacement')}</label>
          <textarea
            id={`${id}-replacement`}
            name="replacement"
            rows={3}
            maxLength={REPLACEMENT_MAX_LENGTH}
            defaultValue={anchor.quote.exact}
          />
          <p className="hint">{t('consultation.suggest.hint')}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t(suggest ? 'consultation.suggest.reason' : 'consultation.new.text')}</label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={4}
          maxLength={COMMENT_TEXT_MAX_LENGTH}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoFocus
        />
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="comment-form__actions">
        <button className="button button--small" type="submit" disabled={busy}>
          {busy ? t('form.working') : t(suggest ? 'consultation.suggest.submit' : 'consultation.new.submit')}
        </button>
        <button className="button button--secondary button--small" type="button" onClick={onCancel}>
          {t('consultation.cancel')}
        </button>
      </div>
    </form>
  );
}

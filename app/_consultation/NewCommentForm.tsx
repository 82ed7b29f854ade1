'use client';
import { useId, useState } from 'react';
import type { Anchor } from '../../lib/comments/model';
import { useT } from '../../lib/i18n/useT';
import { mentionIdsOf } from './MentionField';
import { TextForm } from './TextForm';
import { COMMENT_TEXT_MAX_LENGTH, REPLACEMENT_MAX_LENGTH } from './limits';

export interface NewComment {
  readonly kind: 'comment' | 'suggestion';
  readonly text: string;
  readonly replacement?: string;
  /** People mentioned in the text (ids); the server keeps those who can read the document. */
  readonly mentions: readonly string[];
}

/**
 * A comment (or a suggested wording) on the passage the person selected: the quote, their text,
 * and, ticked, a field with the passage to rewrite. Escape or "Annullér" closes it.
 */
export function NewCommentForm({
  anchor,
  mentionsIn,
  onSubmit,
  onCancel,
}: {
  anchor: Anchor;
  /** The document's id when the writer may mention people (signed in). */
  mentionsIn?: string;
  onSubmit: (comment: NewComment) => Promise<string | null>;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [suggest, setSuggest] = useState(false);
  const replacementOf = (form: FormData) => String(form.get('replacement') ?? '');

  return (
    <TextForm
      className="comment-form--new"
      labelledBy={`${id}-heading`}
      testId="new-comment-form"
      label={t(suggest ? 'consultation.suggest.reason' : 'consultation.new.text')}
      submitLabel={t(suggest ? 'consultation.suggest.submit' : 'consultation.new.submit')}
      maxLength={COMMENT_TEXT_MAX_LENGTH}
      rows={4}
      // A suggestion needs a changed wording and may go without a reason; a comment needs its text.
      validate={(form) => (suggest && replacementOf(form) === anchor.quote.exact ? t('consultation.suggest.unchanged') : null)}
      requiredMessage={suggest ? undefined : t('consultation.comment.required')}
      before={
        <>
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
        </>
      }
      {...(mentionsIn !== undefined && { mentionsIn })}
      onSubmit={(text, form) => {
        const mentions = mentionIdsOf(form);
        return onSubmit(
          suggest ? { kind: 'suggestion', text, replacement: replacementOf(form), mentions } : { kind: 'comment', text, mentions },
        );
      }}
      onCancel={onCancel}
    />
  );
}

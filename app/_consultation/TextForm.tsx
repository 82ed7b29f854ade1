'use client';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../lib/i18n/useT';
import type { MentionRef } from '../../lib/mentions/model';
import { MentionField } from './MentionField';

export interface TextFormProps {
  /** The field's label (visible). */
  readonly label: string;
  readonly submitLabel: string;
  readonly initial?: string;
  /** An empty text is refused with this message; without it, an empty text may be sent. */
  readonly requiredMessage?: string;
  /** A check of the other fields before sending: the message to show, or null to send. */
  readonly validate?: (form: FormData) => string | null;
  readonly maxLength: number;
  readonly rows?: number;
  /** Extra fields before the text (a select, say). */
  readonly before?: ReactNode;
  /** Resolves with an error message to show, or null when done (the form is then closed by its owner). */
  readonly onSubmit: (text: string, form: FormData) => Promise<string | null> | string | null;
  readonly onCancel: () => void;
  readonly className?: string;
  readonly testId?: string;
  /** The id of the form's heading, when it has one (in `before`). */
  readonly labelledBy?: string;
  /** A document id: "@" suggests people who can read it (MentionField); the form then carries `mentions`. */
  readonly mentionsIn?: string;
  /** With `mentionsIn`: the people `initial` mentions already (editing a comment). */
  readonly initialMentions?: readonly MentionRef[];
}

/**
 * A small form with one text area (new comments, replies, edits, answers, reasons): Escape or
 * "Annullér" closes it, errors are announced next to the field.
 */
export function TextForm(props: TextFormProps) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get('text') ?? '').trim();
    const invalid = props.validate?.(form) ?? null;
    if (invalid !== null) {
      setError(invalid);
      return;
    }
    if (props.requiredMessage && text === '') {
      setError(props.requiredMessage);
      return;
    }
    setBusy(true);
    const failure = await props.onSubmit(text, form);
    setBusy(false);
    setError(failure);
  }

  return (
    <form
      className={`comment-form ${props.className ?? ''}`}
      aria-labelledby={props.labelledBy}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
      noValidate
      data-testid={props.testId}
    >
      {props.before}
      <div className="field">
        <label htmlFor={`${id}-text`}>{props.label}</label>
        {props.mentionsIn !== undefined ? (
          <MentionField
            id={`${id}-text`}
            documentId={props.mentionsIn}
            rows={props.rows ?? 3}
            maxLength={props.maxLength}
            {...(props.initial !== undefined && { defaultValue: props.initial })}
            {...(props.initialMentions !== undefined && { defaultMentions: props.initialMentions })}
            {...(error && { describedBy: `${id}-error`, invalid: true })}
          />
        ) : (
          <textarea
            id={`${id}-text`}
            name="text"
            rows={props.rows ?? 3}
            maxLength={props.maxLength}
            defaultValue={props.initial}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            autoFocus
          />
        )}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="comment-form__actions">
        <button className="button button--small" type="submit" disabled={busy}>
          {busy ? t('form.working') : props.submitLabel}
        </button>
        <button className="button button--secondary button--small" type="button" onClick={props.onCancel}>
          {t('consultation.cancel')}
        </button>
      </div>
    </form>
  );
}

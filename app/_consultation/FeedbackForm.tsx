'use client';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../lib/comments/model';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { COMMENT_TEXT_MAX_LENGTH } from './limits';
import { commentsPath } from './useCommentList';
import styles from './FeedbackPanel.module.css';

/** A key for one piece of feedback: a retry of the same send never creates it twice. */
export const newClientKey = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * The feedback form: the model's three categories as a labelled radio group (each with a line of
 * help), the text, and "Send feedback". Errors are announced next to their field; the thank-you in
 * a status region.
 */
export function FeedbackForm({ documentId, onSent }: { documentId: string; onSent: () => void }) {
  const t = useT();
  const id = useId();
  const [category, setCategory] = useState<FeedbackCategory | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [categoryError, setCategoryError] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const clientKey = useRef<string | null>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus('');
    const body = text.trim();
    const missingCategory = category === null ? t('feedback.form.chooseCategory') : null;
    const missingText = body === '' ? t('feedback.form.textRequired') : null;
    setCategoryError(missingCategory);
    setTextError(missingText);
    if (missingCategory) return firstRadio.current?.focus();
    if (missingText) return textArea.current?.focus();
    setBusy(true);
    clientKey.current ??= newClientKey();
    const result = await sendJson('POST', commentsPath(documentId), {
      kind: 'feedback',
      category,
      text: body,
      clientKey: clientKey.current,
    });
    setBusy(false);
    if (!result.ok) {
      const message = errorMessage(t, result.code);
      if (result.code === 'category_invalid') setCategoryError(message);
      else setTextError(message);
      return;
    }
    clientKey.current = null;
    setText('');
    setCategory(null);
    setStatus(t('feedback.form.sent'));
    onSent();
  }

  const categoryErrorId = `${id}-category-error`;
  const textErrorId = `${id}-text-error`;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="feedback-form">
      <h3 id={`${id}-heading`}>{t('feedback.form.heading')}</h3>
      <fieldset className={styles.categories} aria-describedby={categoryError ? categoryErrorId : undefined}>
        <legend>{t('feedback.form.category')}</legend>
        {FEEDBACK_CATEGORIES.map((value, index) => (
          <div key={value} className={styles.category}>
            <input
              ref={index === 0 ? firstRadio : undefined}
              type="radio"
              id={`${id}-${value}`}
              name="category"
              value={value}
              checked={category === value}
              onChange={() => {
                setCategory(value);
                setCategoryError(null);
              }}
              aria-describedby={`${id}-${value}-help`}
            />
            <label htmlFor={`${id}-${value}`}>{t(`feedback.category.${value}`)}</label>
            <p className={`hint ${styles.help}`} id={`${id}-${value}-help`}>
              {t(`feedback.help.${value}`)}
            </p>
          </div>
        ))}
      </fieldset>
      {categoryError && (
        <p className="field-error" id={categoryErrorId} role="alert">
          {categoryError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('feedback.form.text')}</label>
        <textarea
          ref={textArea}
          id={`${id}-text`}
          name="text"
          rows={4}
          maxLength={COMMENT_TEXT_MAX_LENGTH}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setTextError(null);
          }}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? textErrorId : undefined}
        />
      </div>
      {textError && (
        <p className="field-error" id={textErrorId} role="alert">
          {textError}
        </p>
      )}
      <button className="button" type="submit" disabled={busy}>
        {busy ? t('feedback.form.sending') : t('feedback.form.submit')}
      </button>
      <p role="status" className={styles.status} data-testid="feedback-status">
        {status}
      </p>
    </form>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_TAG_LENGTH, MAX_TAGS, normaliseTags, splitTagField } from '../../lib/forum/postTags';
import { POST_TYPES, type PostType } from '../../lib/forum/postTypes';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import styles from './Forum.module.css';

const TITLE_MAX_LENGTH = 120;

/**
 * "Nyt indlæg": title, type (erfaring, artikel, case) and tags (comma-separated); creates the post
 * and opens it in the editor. Errors are announced next to their field.
 */
export function NewPostForm({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<PostType>('erfaring');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [tagsError, setTagsError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const titleInput = useRef<HTMLInputElement>(null);
  const tagsInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = title.trim();
    const checked = normaliseTags(splitTagField(tags));
    const missing = name === '' ? errorMessage(t, 'title_required') : null;
    setTitleError(missing);
    setTagsError(checked.ok ? null : errorMessage(t, checked.code));
    if (missing) return titleInput.current?.focus();
    if (!checked.ok) return tagsInput.current?.focus();
    setBusy(true);
    const result = await sendJson<{ post: { id: string } }>('POST', '/api/forum/posts', {
      title: name,
      type,
      tags: checked.tags,
      workspaceId,
    });
    if (!result.ok) {
      setBusy(false);
      const message = errorMessage(t, result.code);
      if (result.code.startsWith('tag') || result.code === 'too_many_tags') {
        setTagsError(message);
        tagsInput.current?.focus();
      } else {
        setTitleError(message);
        titleInput.current?.focus();
      }
      return;
    }
    setStatus(t('forum.new.created'));
    router.push(`/d/${result.data.post.id}`);
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="forum-new-post">
      <h2 id={`${id}-heading`}>{t('forum.new.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('forum.new.title')}</label>
        <input
          ref={titleInput}
          id={`${id}-title`}
          name="title"
          type="text"
          required
          maxLength={TITLE_MAX_LENGTH}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            setTitleError(null);
          }}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-title-error` : undefined}
        />
        {titleError && (
          <p className="field-error" id={`${id}-title-error`} role="alert">
            {titleError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('forum.new.type')}</label>
        <select id={`${id}-type`} name="type" value={type} onChange={(event) => setType(event.target.value as PostType)}>
          {POST_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`forum.type.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('forum.new.tags')}</label>
        <input
          ref={tagsInput}
          id={`${id}-tags`}
          name="tags"
          type="text"
          value={tags}
          onChange={(event) => {
            setTags(event.target.value);
            setTagsError(null);
          }}
          aria-invalid={tagsError ? true : undefined}
          aria-describedby={`${id}-tags-hint${tagsError ? ` ${id}-tags-error` : ''}`}
        />
        <p className="hint" id={`${id}-tags-hint`}>
          {t('forum.new.tagsHint', { max: MAX_TAGS, length: MAX_TAG_LENGTH })}
        </p>
        {tagsError && (
          <p className="field-error" id={`${id}-tags-error`} role="alert">
            {tagsError}
          </p>
        )}
      </div>
      <button className="button" type="submit" disabled={busy}>
        {busy ? t('forum.new.sending') : t('forum.new.submit')}
      </button>
      <p role="status" className="hint">
        {status}
      </p>
    </form>
  );
}

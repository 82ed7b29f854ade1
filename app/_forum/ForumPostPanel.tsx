'use client';
import Link from 'next/link';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { PostDetail } from '../../lib/forum/ForumService';
import { normaliseTags, splitTagField } from '../../lib/forum/postTags';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import type { CommentView } from '../_consultation/commentViews';
import { newClientKey } from '../_consultation/FeedbackForm';
import { FeedbackItem } from '../_consultation/FeedbackItem';
import { COMMENT_TEXT_MAX_LENGTH } from '../_consultation/limits';
import { commentsPath } from '../_consultation/useCommentList';
import { useFeedbackList } from '../_consultation/useFeedbackList';
import styles from './Forum.module.css';
import { TagLinks } from './PostList';

/** The visible replies to a post (threads of kind 'forum_reply'), oldest first, and the answers to each. */
export function forumRepliesOf(comments: readonly CommentView[]): { items: CommentView[]; answers: Map<string, CommentView[]> } {
  const items = comments
    .filter((c) => c.parentId === null && c.kind === 'forum_reply' && c.state === 'visible')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const ids = new Set(items.map((item) => item.id));
  const answers = new Map<string, CommentView[]>();
  for (const c of comments) {
    if (c.parentId === null || c.state !== 'visible' || !ids.has(c.threadId)) continue;
    answers.set(c.threadId, [...(answers.get(c.threadId) ?? []), c]);
  }
  for (const list of answers.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { items, answers };
}

/**
 * Below a forum post in the editor (issue 14): its type and tags (editable by its editors), "Synes
 * godt om", and the replies with the form to write one. Replies are comment threads, so supports,
 * answers, reports and moderation work as for comments; kept current by the editor's notices.
 */
export function ForumPostPanel({ initial }: { initial: PostDetail }) {
  const t = useT();
  const id = useId();
  const [post, setPost] = useState(initial);
  const [supportError, setSupportError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useFeedbackList(post.id);
  const { items, answers } = useMemo(() => forumRepliesOf(list.data?.comments ?? []), [list.data]);
  const canReply = list.data?.viewer.canComment ?? false;

  async function toggleSupport() {
    setBusy(true);
    const result = await sendJson<{ post: PostDetail }>(post.supported ? 'DELETE' : 'PUT', `/api/forum/posts/${post.id}/support`);
    setBusy(false);
    setSupportError(result.ok ? null : errorMessage(t, result.code));
    if (result.ok) setPost(result.data.post);
  }

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${id}-heading`} data-testid="forum-post-panel">
      <h2 id={`${id}-heading`}>{t('forum.panel.heading')}</h2>
      <p>
        <span className="badge" data-testid="forum-post-type">
          {t(`forum.type.${post.type}`)}
        </span>{' '}
        <Link href="/forum">{t('forum.panel.back')}</Link>
      </p>
      <Tags post={post} onSaved={setPost} />
      <div className={styles.actions}>
        <span className="hint" aria-live="polite" data-testid="forum-post-supports">
          {t('forum.panel.supports', { n: post.supportCount })}
        </span>
        {post.canSupport && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={post.supported}
            disabled={busy}
            onClick={() => void toggleSupport()}
            data-testid="forum-post-support"
          >
            {t('forum.panel.support')}
          </button>
        )}
      </div>
      {supportError && (
        <p className="field-error" role="alert">
          {supportError}
        </p>
      )}
      <section aria-labelledby={`${id}-replies`}>
        <h3 id={`${id}-replies`}>{t('forum.panel.replies', { n: items.length })}</h3>
        {list.error && (
          <p className="field-error" role="alert">
            {t('feedback.loadError')}{' '}
            <button type="button" className="button button--secondary button--small" onClick={list.refresh}>
              {t('feedback.retry')}
            </button>
          </p>
        )}
        {items.length === 0 ? (
          <p className="hint" data-testid="forum-replies-empty">
            {t('forum.panel.noReplies')}
          </p>
        ) : (
          <ul className={styles.replies} data-testid="forum-replies">
            {items.map((item) => (
              <li key={item.id}>
                <FeedbackItem
                  documentId={post.id}
                  item={item}
                  replies={answers.get(item.id) ?? []}
                  canComment={canReply}
                  onChanged={list.refresh}
                  supportLabelKey="forum.reply.supportLabel"
                />
              </li>
            ))}
          </ul>
        )}
        {list.data &&
          (canReply ? (
            <ReplyForm documentId={post.id} onSent={list.refresh} />
          ) : (
            <p className="hint" data-testid="forum-cannot-reply">
              {t('forum.panel.cannotReply')}
            </p>
          ))}
      </section>
    </section>
  );
}

function Tags({ post, onSaved }: { post: PostDetail; onSaved: (post: PostDetail) => void }) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(post.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = normaliseTags(splitTagField(value));
    if (!checked.ok) {
      setError(errorMessage(t, checked.code));
      return input.current?.focus();
    }
    const result = await sendJson<{ post: PostDetail }>('PUT', `/api/forum/posts/${post.id}/tags`, { tags: checked.tags });
    if (!result.ok) {
      setError(errorMessage(t, result.code));
      return input.current?.focus();
    }
    setError(null);
    setEditing(false);
    setStatus(t('forum.panel.tagsSaved'));
    onSaved(result.data.post);
  }

  return (
    <div>
      {post.tags.length === 0 ? (
        <p className="hint">{t('forum.panel.noTags')}</p>
      ) : (
        <TagLinks tags={post.tags} t={t} testId="forum-post-tags" />
      )}
      {post.canEditTags &&
        (editing ? (
          <form className={styles.form} onSubmit={save} noValidate>
            <div className="field">
              <label htmlFor={`${id}-tags`}>{t('forum.new.tags')}</label>
              <input
                ref={input}
                id={`${id}-tags`}
                type="text"
                value={value}
                onChange={(event) => setValue(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
            </div>
            {error && (
              <p className="field-error" id={`${id}-error`} role="alert">
                {error}
              </p>
            )}
            <div className={styles.actions}>
              <button className="button button--small" type="submit">
                {t('forum.panel.tagsSave')}
              </button>
              <button className="button button--secondary button--small" type="button" onClick={() => setEditing(false)}>
                {t('forum.panel.tagsCancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            {t('forum.panel.tagsEdit')}
          </button>
        ))}
      <p role="status" className="hint">
        {status}
      </p>
    </div>
  );
}

function ReplyForm({ documentId, onSent }: { documentId: string; onSent: () => void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const clientKey = useRef<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus('');
    const body = text.trim();
    if (body === '') {
      setError(t('forum.panel.replyRequired'));
      return area.current?.focus();
    }
    setBusy(true);
    clientKey.current ??= newClientKey();
    const result = await sendJson('POST', commentsPath(documentId), { kind: 'forum_reply', text: body, clientKey: clientKey.current });
    setBusy(false);
    if (!result.ok) {
      setError(errorMessage(t, result.code));
      return area.current?.focus();
    }
    clientKey.current = null;
    setText('');
    setError(null);
    setStatus(t('forum.panel.replySent'));
    onSent();
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="forum-reply-form">
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('forum.panel.replyLabel')}</label>
        <textarea
          ref={area}
          id={`${id}-text`}
          rows={4}
          maxLength={COMMENT_TEXT_MAX_LENGTH}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <button className="button" type="submit" disabled={busy}>
        {busy ? t('forum.panel.replySending') : t('forum.panel.replySubmit')}
      </button>
      <p role="status" className="hint" data-testid="forum-reply-status">
        {status}
      </p>
    </form>
  );
}

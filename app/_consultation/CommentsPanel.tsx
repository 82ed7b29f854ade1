'use client';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { Anchor } from '../../lib/comments/model';
import { isMessageKey } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { MessageKey } from '../../lib/i18n/messages';
import { anchorForSelection } from './anchoring';
import type { CommentBridge } from './CommentBridge';
import { commentsPath, useCommentList } from './useCommentList';
import { useNewCommentAnnouncements } from '../_editor/ActivityAnnouncements';
import { ConsultationContext, type ConsultationContextValue } from './ConsultationContext';
import { excerpt } from './excerpt';
import { GuestJoin } from './GuestJoin';
import { NewCommentForm, type NewComment } from './NewCommentForm';
import { ThreadFilters } from './ThreadFilters';
import { ThreadView } from './ThreadView';
import { arrangeThreads, matchesFilter, threadsOf, type Placement, type Thread, type ThreadFilter, type ThreadSort } from './threadList';
import { useCommentLink } from './useCommentLink';
import { useCommentWriter, type PendingWrite } from './useCommentWriter';
import { useOnline } from '../_components/useOnline';
import { DRAFT_ID, usePlacements } from './usePlacements';
import { useMarginComments } from './useMarginComments';
import { CommentText } from './CommentText';
import { ModerationSummaryText } from './ModerationSummaryText';
import { OutboxPanel } from '../_outbox/OutboxPanel';

export interface CommentsPanelProps {
  readonly documentId: string;
  readonly personKey: string | null;
  readonly editor: Editor | null;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly bridge: CommentBridge;
  /** The editor is editable and synced now (accepting a suggestion edits the body). */
  readonly canEdit: boolean;
}

/**
 * The comments beside the editor (a complementary landmark, "Kommentarer"): the form for a new
 * comment on the selected passage, filter and sort, the threads in the chosen order, orphaned
 * threads in their own group, and writes that wait to be sent. On wide screens, sorted by passage,
 * each thread sits in the margin beside its passage (useMarginComments); on narrow ones the list
 * follows the text in reading order.
 */
export function CommentsPanel({ documentId, personKey, editor, doc, provider, bridge, canEdit }: CommentsPanelProps) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  const list = useCommentList(documentId, personKey, provider);
  useNewCommentAnnouncements(list.data);
  const writer = useCommentWriter(documentId, personKey, list);
  const browserOnline = useOnline();
  const online = browserOnline && list.error !== 'network';
  const [activeId, setActiveId] = useState<string | null>(null);
  const [filter, setFilter] = useState<ThreadFilter>('all');
  const [sort, setSort] = useState<ThreadSort>('passage');
  const [hint, setHint] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const data = list.data;
  const viewer = data?.viewer ?? null;
  const threads = useMemo(() => threadsOf(data?.comments ?? []), [data]);
  const [newAnchor, setNewAnchor] = useState<Anchor | null>(null);
  const placed = usePlacements(editor, doc, threads, activeId, newAnchor);
  const placements = useMemo(() => {
    const map = new Map<string, Placement>();
    for (const [id, place] of placed) map.set(id, { status: place.status, at: place.status === 'orphaned' ? -1 : place.at });
    return map;
  }, [placed]);
  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const groups = useMemo(() => arrangeThreads(threads, filter, sort, placements, collator), [threads, filter, sort, placements, collator]);
  // Wide screens: each thread beside its passage (sorted by passage only: other orders are lists).
  const inMargin = useMarginComments(listRef, editor, placed, activeId, sort === 'passage');

  // A link to one comment (#kommentar-<id>): its thread shown and active, the comment focused.
  const isPlaced = useCallback((threadId: string) => placed.has(threadId), [placed]);
  const reveal = useCallback(
    (thread: Thread) => {
      if (!matchesFilter(thread, filter, placements)) setFilter('all');
      setActiveId(thread.root.id);
    },
    [filter, placements],
  );
  const link = useCommentLink({ threads: data ? threads : null, provider, placed: isPlaced, reveal });

  const canComment = viewer?.canComment ?? false;
  useEffect(() => bridge.setCanComment(canComment), [bridge, canComment]);

  const activate = useCallback((threadId: string) => {
    if (threadId === DRAFT_ID) return;
    setActiveId(threadId);
    const item = panelRef.current?.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, []);

  const requestComment = useCallback(() => {
    if (!editor || !canComment) return;
    const selected = anchorForSelection(editor);
    if (!selected.ok) {
      setHint(t(selected.reason === 'too_long' ? 'consultation.new.tooLong' : 'consultation.new.selectFirst'));
      // Say so where the person will look (the hint is a focusable, announced paragraph).
      requestAnimationFrame(() => panelRef.current?.querySelector<HTMLElement>('[data-hint]')?.focus());
      return;
    }
    setHint(null);
    setNewAnchor(selected.anchor);
  }, [editor, canComment, t]);

  useEffect(() => bridge.connect({ activate, requestComment }), [bridge, activate, requestComment]);

  const showPassage = useCallback(
    (threadId: string) => {
      const place = placed.get(threadId);
      if (!editor || editor.isDestroyed || !place || place.status === 'orphaned') return;
      setActiveId(threadId);
      const { view } = editor;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, place.from, place.to)).scrollIntoView());
      if (editor.isEditable) {
        view.focus();
        return;
      }
      // A read-only editor takes no focus of its own: focus it as a region and put the
      // browser's selection on the passage, so it is read out and can be copied.
      view.dom.focus({ preventScroll: true });
      const start = view.domAtPos(place.from);
      const end = view.domAtPos(place.to);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    [editor, placed],
  );

  const applySuggestion = useCallback(
    (thread: Thread): string | null => {
      const place = placed.get(thread.root.id);
      const replacement = thread.root.replacement;
      if (!editor || editor.isDestroyed || !editor.isEditable || replacement === undefined) return t('consultation.decision.cannotApply');
      if (!place || place.status === 'orphaned') return t('consultation.decision.passageGone');
      // Only the very passage the suggestion was written for is replaced.
      if (place.text !== thread.root.anchor?.quote.exact) return t('consultation.decision.passageChanged');
      // A normal edit by this editor (so attributed and synced like typing), as plain text:
      // the suggestion is never parsed as HTML. Line breaks in a suggestion become spaces.
      const text = replacement.replace(/\s*\n\s*/g, ' ');
      const { from, to } = place;
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          tr.insertText(text, from, to);
          return true;
        })
        .run();
      return null;
    },
    [editor, placed, t],
  );

  async function submitNew(comment: NewComment): Promise<string | null> {
    if (!newAnchor) return null;
    const failure = await writer.send({
      kind: comment.kind,
      method: 'POST',
      url: commentsPath(documentId),
      body: {
        kind: comment.kind,
        anchor: newAnchor,
        text: comment.text,
        ...(comment.kind === 'suggestion' && { replacement: comment.replacement }),
        ...(comment.mentions.length > 0 && { mentions: comment.mentions }),
      },
      label: t(comment.kind === 'suggestion' ? 'consultation.write.suggestion' : 'consultation.write.comment', {
        excerpt: excerpt(newAnchor.quote.exact),
      }),
      text: comment.kind === 'suggestion' ? `${comment.replacement ?? ''}\n\n${comment.text}`.trim() : comment.text,
      threadId: null,
    });
    if (!failure) closeNew();
    return failure;
  }

  function closeNew() {
    setNewAnchor(null);
    // Back to where the person was: the editor (their selection is still there). A read-only
    // view does not focus itself (view.focus() only does for editable ones).
    if (!editor || editor.isDestroyed) return;
    if (editor.isEditable) editor.view.focus();
    else editor.view.dom.focus();
  }

  // Writes waiting in the outbox, shown where they belong: under their thread, or new threads at the top.
  // Supports already sent and not yet in the list come first (they are older than anything waiting).
  const pendingFor = (thread: Thread) => {
    const ids = new Set([thread.root.id, ...thread.replies.map((reply) => reply.id)]);
    return [...writer.unconfirmedSupports, ...writer.pending].filter((write) => write.commentId !== null && ids.has(write.commentId));
  };
  const pendingNew = writer.pending.filter((write) => write.commentId === null);

  const context: ConsultationContextValue | null = viewer && {
    documentId,
    viewer,
    writer,
    online,
    refresh: list.refresh,
    showPassage,
    applySuggestion,
    canApply: canEdit,
  };

  const refusal = viewer && !viewer.canComment ? refusalMessage(viewer.commentRefusal) : null;
  const count = threads.length;

  return (
    <aside
      className={`comments-panel${inMargin ? ' comments-panel--margin' : ''}`}
      aria-labelledby={`${ids}-heading`}
      ref={panelRef}
      data-testid="comments-panel"
    >
      <h2 id={`${ids}-heading`}>{t('consultation.panel.heading')}</h2>
      {data && <ModerationSummaryText documentId={documentId} revision={data.revision} />}
      {!data && !list.error && (
        <p className="hint" role="status">
          {t('consultation.panel.loading')}
        </p>
      )}
      {!data && list.error && (
        <p className="field-error" role="alert">
          {t(list.error === 'network' ? 'consultation.panel.offlineEmpty' : 'consultation.panel.failed')}
        </p>
      )}
      {data && (list.fromCache || !online) && (
        <div className="comments-panel__offline" role="status">
          <p>{t('consultation.panel.fromCache')}</p>
          {viewer?.canComment && <p>{t('consultation.panel.offline')}</p>}
        </div>
      )}
      {link.missing !== null && (
        <p className="hint" role="status" data-testid="comment-link-missing">
          {t('consultation.link.missing')}
        </p>
      )}
      {viewer && (
        <>
          {viewer.guest && <p className="hint">{t('consultation.guest.as', { name: viewer.guest.name })}</p>}
          {!viewer.signedIn && !viewer.guest && viewer.guestsMayJoin && <GuestJoin documentId={documentId} onJoined={list.refresh} />}
          {refusal && !(!viewer.signedIn && !viewer.guest && viewer.guestsMayJoin) && <p className="hint">{refusal}</p>}
          {viewer.canComment && !newAnchor && (
            <p className="hint" data-hint tabIndex={-1}>
              {hint ?? t('consultation.new.howTo')}
            </p>
          )}
        </>
      )}
      {context && (
        <ConsultationContext.Provider value={context}>
          {newAnchor && (
            <NewCommentForm
              key={JSON.stringify(newAnchor.start)}
              anchor={newAnchor}
              {...(context.viewer.signedIn && { mentionsIn: documentId })}
              onSubmit={submitNew}
              onCancel={closeNew}
            />
          )}
          {pendingNew.length > 0 && <PendingList writes={pendingNew} />}
          <OutboxPanel personKey={personKey} documentId={documentId} headingLevel={3} />
          {count > 0 && <ThreadFilters filter={filter} sort={sort} onFilter={setFilter} onSort={setSort} />}
          {count === 0 ? (
            <p>{t('consultation.panel.empty')}</p>
          ) : groups.placed.length + groups.orphaned.length === 0 ? (
            <p>{t('consultation.panel.noneMatch')}</p>
          ) : (
            <p className="visually-hidden" role="status">
              {groups.placed.length + groups.orphaned.length === 1
                ? t('consultation.panel.shown.one')
                : t('consultation.panel.shown.other', { n: groups.placed.length + groups.orphaned.length })}
            </p>
          )}
          {groups.placed.length > 0 && (
            <ol
              ref={listRef}
              className={`thread-list${inMargin ? ' thread-list--margin' : ''}`}
              aria-label={t('consultation.panel.listLabel')}
              data-testid="thread-list"
            >
              {groups.placed.map((thread) => (
                <ThreadView
                  key={thread.root.id}
                  thread={thread}
                  active={thread.root.id === activeId}
                  placed={placed.get(thread.root.id)?.status !== undefined && placed.get(thread.root.id)?.status !== 'orphaned'}
                  pending={pendingFor(thread)}
                  onActivate={setActiveId}
                />
              ))}
            </ol>
          )}
          {groups.orphaned.length > 0 && (
            <section className="orphaned" aria-labelledby={`${ids}-orphaned`}>
              <h3 id={`${ids}-orphaned`}>{t('consultation.orphaned.heading')}</h3>
              <p className="hint">{t('consultation.orphaned.body')}</p>
              <ol className="thread-list">
                {groups.orphaned.map((thread) => (
                  <ThreadView
                    key={thread.root.id}
                    thread={thread}
                    active={thread.root.id === activeId}
                    placed={false}
                    pending={pendingFor(thread)}
                    onActivate={setActiveId}
                  />
                ))}
              </ol>
            </section>
          )}
        </ConsultationContext.Provider>
      )}
    </aside>
  );

  /** can()'s reason in words: ours where we have one, the API's `error.<code>` otherwise. */
  function refusalMessage(code: string | null): string {
    const lookup = t as (key: MessageKey) => string;
    for (const key of [`consultation.refusal.${code}`, `error.${code}`]) if (code && isMessageKey(key, t)) return lookup(key);
    return t('consultation.refusal.other');
  }
}

function PendingList({ writes }: { writes: readonly PendingWrite[] }) {
  const t = useT();
  return (
    <ul className="pending-list" aria-label={t('consultation.pending.heading')}>
      {writes.map((write) => (
        <li key={write.id} className="comment comment--pending">
          <p className="comment__byline">
            {write.label} · {t('consultation.pending.item')}
          </p>
          {write.text && <CommentText text={write.text} />}
        </li>
      ))}
    </ul>
  );
}

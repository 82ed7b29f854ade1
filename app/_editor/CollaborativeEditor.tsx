'use client';
import { EditorContent, useEditor } from '@tiptap/react';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { DocumentState } from '../../lib/access/model';
import type { Access } from '../../lib/auth/syncToken';
import { readOnlyNotice } from '../../lib/editor/readOnlyNotice';
import type { SyncStatus } from '../../lib/sync/SyncStatus';
import { useT } from '../../lib/i18n/useT';
import { Close } from '../../lib/protocol';
import { LoweredNotice, PublishedNotice } from '../_versions/PublishedNotice';
import { publishDialogOpen } from '../_versions/publishDialogOpen';
import { usePublishedVersion } from '../_versions/usePublishedVersion';
import { CommentBridge } from '../_consultation/CommentBridge';
import { CommentHighlights } from '../_consultation/CommentHighlights';
import { CommentsPanel } from '../_consultation/CommentsPanel';
import { CommentToolbar } from '../_consultation/CommentToolbar';
import { ReadOnlyCaret } from '../_consultation/ReadOnlyCaret';
import { SelectionCommentButton } from '../_consultation/SelectionCommentButton';
import { listenForCommentChanges } from '../_consultation/listenForCommentChanges';
import { useCommentShortcut } from '../_consultation/useCommentShortcut';
import type { Collaboration } from './CollaborationHolder';
import { collaborativeExtensions, type CaretUser } from './collaborativeExtensions';
import { LinkForm } from './LinkForm';
import { PresenceList } from './PresenceList';
import { ActivityAnnouncements } from './ActivityAnnouncements';
import { SyncStatusText, closedMessage } from './SyncStatusText';
import { Toolbar } from './Toolbar';
import { EditorReadAloud } from '../_readAloud/EditorReadAloud';
import { useCollaboration } from './useCollaboration';
import { RescuedText } from './RescuedText';
import { pendingOf, useSyncStatus, useWarnBeforeLeaving } from './useSyncStatus';
import { AuthorHighlights } from '../_authorship/AuthorHighlights';
import { HistoryPanel } from '../_authorship/HistoryPanel';
import { WorkshopPanel, workshopPerson } from '../_workshop/WorkshopPanel';

export interface CollaborativeEditorProps {
  readonly documentId: string;
  /**
   * Whose local data this is (lib/offline/localNames.ts): the person id, ANONYMOUS_KEY for a
   * signed-out reader, or null for an embed (no local copy is kept for another platform's token).
   */
  readonly personKey: string | null;
  readonly user: CaretUser;
  /** Sync token for embeds; the session cookie is used without one. */
  readonly token?: string;
  readonly readOnly: boolean;
  /**
   * The document's epoch as the server rendered the page (DocumentMeta.epoch): a local copy of
   * another epoch is set aside, never connected. Omit when unknown.
   */
  readonly epoch?: number;
  /** Shows the comments panel, highlights and the comment buttons (the document page; not embeds). */
  readonly comments?: boolean;
  /** Shows "Historik" (who wrote what) beside the comments: `can(view_history)`. */
  readonly history?: boolean;
  /** Shows workshop mode and the good questions beside the editor (not on forum posts). Default true. */
  readonly workshop?: boolean;
  /** What the person may do as the page was rendered (the sync token's answer replaces it): for the read-only notice. */
  readonly access?: Access;
  /** The document's phase as the page was rendered (the sync token's answer replaces it). */
  readonly state?: DocumentState;
}

/** The live editor for one document: loaded in the browser only (next/dynamic, ssr: false). */
export default function CollaborativeEditor(props: CollaborativeEditorProps) {
  const collaboration = useCollaboration({
    documentId: props.documentId,
    personKey: props.personKey,
    token: props.token,
    readOnly: props.readOnly,
    ...(props.epoch !== undefined && { epoch: props.epoch }),
  });
  if (!collaboration) return <EditorLoading />;
  // The session knows best (published while open, granted edit while open); a page refreshed with
  // less access turns it read-only too.
  const readOnly = collaboration.readOnly || (props.readOnly && !collaboration.raised);
  return (
    <>
      {collaboration.rescued && <RescuedText rescued={collaboration.rescued} onDismiss={collaboration.dismissRescued} />}
      <EditorSession
        key={collaboration.doc.guid}
        collaboration={collaboration}
        user={props.user}
        readOnly={readOnly}
        withToken={props.token !== undefined}
        documentId={props.documentId}
        personKey={props.personKey}
        comments={props.comments ?? false}
        history={props.history ?? false}
        workshop={props.workshop ?? true}
        access={collaboration.access ?? props.access ?? null}
        state={collaboration.state ?? props.state ?? null}
      />
    </>
  );
}

export function EditorLoading() {
  const t = useT();
  return (
    <p className="editor-loading" role="status">
      {t('editor.loading')}
    </p>
  );
}

interface EditorSessionProps {
  readonly collaboration: Collaboration;
  readonly user: CaretUser;
  readonly readOnly: boolean;
  readonly withToken: boolean;
  readonly documentId: string;
  readonly personKey: string | null;
  readonly comments: boolean;
  readonly history: boolean;
  readonly workshop: boolean;
  readonly access: Access | null;
  readonly state: DocumentState | null;
}

function EditorSession({
  collaboration,
  user,
  readOnly,
  withToken,
  documentId,
  personKey,
  comments,
  history,
  workshop,
  access,
  state,
}: EditorSessionProps) {
  const t = useT();
  const router = useRouter();
  const { doc, provider, tracker, fromLocalCopy, published, raised } = collaboration;
  const { status, hasSynced } = useSyncStatus(tracker);
  const lowered = published?.reason === 'lowered';
  const publishedVersion = usePublishedVersion(documentId, published !== null && !lowered);
  // The page around the editor (phase, versions, what this person may do) is out of date now; this
  // tab's open publish dialog refreshes it itself when it closes (a refresh now would remove it).
  const publishing = useSyncExternalStore(publishDialogOpen.subscribe, publishDialogOpen.get, () => false);
  useEffect(() => {
    if (published && !publishing) router.refresh();
  }, [published, publishing, router]);
  // Granted more while open: the page around the editor (share panel, "ask to co-author") too.
  useEffect(() => {
    if (raised) router.refresh();
  }, [raised, router]);
  const [linkOpen, setLinkOpen] = useState(false);
  const statusContext = useMemo(() => ({ readOnly, withToken }), [readOnly, withToken]);
  const { name, color } = user;
  const [bridge] = useState(() => new CommentBridge());
  const canComment = useSyncExternalStore(bridge.subscribe, bridge.getCanComment, () => false);
  // By value: a refreshed server render hands over an equal but new `user` object.
  const extensions = useMemo(
    () => [
      ...collaborativeExtensions(doc, provider, { name, color }, { documentId, t }),
      ...(comments ? [CommentHighlights.configure({ onActivate: bridge.activate }), ReadOnlyCaret] : []),
      ...(history ? [AuthorHighlights] : []),
    ],
    [doc, provider, name, color, comments, bridge, history, documentId, t],
  );
  // A copy of the current epoch is the person's own document: no waiting for the server. A first
  // open waits, or an offline first open would fork a blank document.
  const loaded = hasSynced || fromLocalCopy;
  const canEdit = !readOnly && loaded && status.kind !== 'closed';
  // Not loaded yet: the editor says so inside itself and is not writable (never a silent dead surface).
  const waiting = !loaded && status.kind !== 'closed';
  const editor = useEditor(
    {
      extensions,
      immediatelyRender: false,
      // Opened for editing once the local copy has loaded, or (a first open) the server's copy has
      // arrived. An editor made again (a new session) starts as it should be: no read-only moment.
      editable: canEdit,
      editorProps: {
        attributes: {
          'aria-label': t('editor.bodyLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
          // Read-only text can still be selected (with the keyboard too: ReadOnlyCaret) and commented on.
          ...(readOnly && { 'aria-readonly': 'true', ...(comments && { tabindex: '0' }) }),
        },
      },
    },
    [extensions],
  );

  const focus = useFocusHandOver(editor, canEdit, waiting && !readOnly);

  useCommentShortcut(comments ? editor : null, bridge);
  // Without a comments panel (embeds) the socket's "comments changed" messages are ignored, not logged as unknown.
  useEffect(() => (comments ? undefined : listenForCommentChanges(provider, () => undefined)), [comments, provider]);

  useWarnBeforeLeaving(pendingOf(status) > 0);

  return (
    <div className="editor-page__live">
      <ActivityAnnouncements doc={doc} provider={provider} />
      <div className="editor-bar">
        <SyncStatusText
          status={status}
          context={statusContext}
          notice={
            published &&
            (lowered ? (
              <LoweredNotice unsaved={published.unsaved} />
            ) : (
              publishedVersion.ready && (
                <PublishedNotice documentId={documentId} version={publishedVersion.version} unsaved={published.unsaved} />
              )
            ))
          }
        />
        {readOnly && (
          <span className="badge" data-testid="read-only-notice">
            {t(readOnlyNotice({ access, state, mayComment: canComment }))}
          </span>
        )}
        {raised && !readOnly && (
          <span className="badge" role="status">
            {t('editor.raised')}
          </span>
        )}
      </div>
      {status.kind === 'closed' && status.code !== Close.published.code && (
        <div className="notice" role="alert">
          <p>{closedMessage(status.code, withToken, t)}</p>
          <p>
            <a href="">{t('editor.reload')}</a>
          </p>
        </div>
      )}
      <div className={comments ? 'editor-layout editor-layout--comments' : 'editor-layout'}>
        <div className="editor-surface">
          {/* Above the toolbars: the formatting or comment toolbar stays the one tab stop right before the text. */}
          {editor && <EditorReadAloud editor={editor} />}
          {editor && !readOnly && (
            <Toolbar
              editor={editor}
              linkOpen={linkOpen}
              onToggleLink={() => setLinkOpen((open) => !open)}
              onComment={comments && canComment ? bridge.requestComment : undefined}
            />
          )}
          {editor && readOnly && comments && <CommentToolbar bridge={bridge} />}
          {editor && linkOpen && <LinkForm editor={editor} onDone={() => setLinkOpen(false)} />}
          {waiting && (readOnly ? <EditorLoading /> : <EditorWaiting status={status} typed={focus.typedWhileWaiting} />)}
          {editor && (
            <EditorContent
              editor={editor}
              className="editor-content"
              data-testid="editor"
              aria-busy={waiting}
              // While waiting, a click or Tab lands here (not on the page), so keys typed too soon are noticed.
              tabIndex={waiting && !readOnly ? -1 : undefined}
              onPointerDown={focus.onPointerDown}
              onKeyDown={focus.onKeyDown}
            />
          )}
          {!editor && !waiting && <EditorLoading />}
          {editor && comments && <SelectionCommentButton editor={editor} bridge={bridge} />}
        </div>
        {comments ? (
          <div className="editor-side">
            <PresenceList awareness={provider.awareness} />
            <CommentsPanel
              documentId={documentId}
              personKey={personKey}
              editor={editor}
              doc={doc}
              provider={provider}
              bridge={bridge}
              canEdit={canEdit}
            />
            {history && <HistoryPanel documentId={documentId} editor={editor} />}
            {workshop && (
              <WorkshopPanel
                doc={doc}
                editor={editor}
                person={workshopPerson(personKey, user.name)}
                canEdit={canEdit}
                isLive={(origin) => origin === provider && provider.synced}
              />
            )}
          </div>
        ) : (
          <PresenceList awareness={provider.awareness} />
        )}
      </div>
    </div>
  );
}

/** What a writer sees inside the editor before it takes input: why, and that typing waits. */
function EditorWaiting({ status, typed }: { status: SyncStatus; typed: boolean }) {
  const t = useT();
  const text =
    status.kind === 'offline'
      ? t('editor.waiting.offline')
      : status.kind === 'connecting'
        ? t('editor.waiting.connecting')
        : t('editor.waiting.loading');
  return (
    <div className="editor-waiting" data-testid="editor-waiting">
      <p role="status">{text}</p>
      {typed && <p role="alert">{t('editor.waiting.typed')}</p>}
    </div>
  );
}

/**
 * Keeps the person's place across the moments the editor is not writable: a click or keys in the
 * editor while it waits are noticed (keys are said not taken, never dropped silently), and when it
 * opens for writing, the caret goes where they clicked. An editor made again (a new session: granted
 * edit, published) takes the focus the one before had.
 */
function useFocusHandOver(editor: Editor | null, canEdit: boolean, waitingForWriter: boolean) {
  const [typedWhileWaiting, setTypedWhileWaiting] = useState(false);
  const wanted = useRef(false);
  const focused = useRef(false);
  useEffect(() => {
    if (!editor) return;
    const onFocus = () => (focused.current = true);
    const onBlur = () => (focused.current = false);
    editor.on('focus', onFocus);
    editor.on('blur', onBlur);
    return () => {
      editor.off('focus', onFocus);
      editor.off('blur', onBlur);
    };
  }, [editor]);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (editor.isEditable !== canEdit) editor.setEditable(canEdit);
    if (!canEdit) return;
    if (!wanted.current && !focused.current) return;
    wanted.current = false;
    focusAtDomSelection(editor);
  }, [editor, canEdit]);
  const onPointerDown = () => {
    if (waitingForWriter) wanted.current = true;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!waitingForWriter) return;
    wanted.current = true;
    const typing = (event.key.length === 1 || event.key === 'Enter' || event.key === 'Backspace') && !event.ctrlKey && !event.metaKey;
    if (typing) setTypedWhileWaiting(true);
  };
  // Only said while it waits (loading happens once per session).
  return { typedWhileWaiting: typedWhileWaiting && waitingForWriter, onPointerDown, onKeyDown };
}

/** Focuses the editor with its caret where the browser's selection is inside it (a click made while it waited), else where it was. */
function focusAtDomSelection(editor: Editor): void {
  const { view } = editor;
  const selection = view.dom.ownerDocument.getSelection();
  let position: number | null = null;
  if (selection?.anchorNode && view.dom.contains(selection.anchorNode)) {
    try {
      position = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    } catch {
      position = null;
    }
  }
  if (position === null) editor.commands.focus();
  else editor.chain().focus().setTextSelection(position).run();
}

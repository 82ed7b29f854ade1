/**
 * Consultation comments as a domain service (no HTTP): every comment, reply, suggestion, support,
 * resolution, answer, decision, report and moderation act goes through here, which asks can() (with
 * the document as it stands now, its consultation dates judged against the service's clock), checks
 * the text policy (commentText.ts), the anchor (anchorCheck.ts), the rate limits and idempotency, and
 * writes through the CommentStore in one atomic change per act. After every change it tells its
 * listeners the document's new revision (the sync server relays that as `commentsChanged`).
 *
 * Rules beyond can():
 * - Comment-level acts (create, reply, edit and delete one's own, support) need can(comment); editor
 *   acts (resolve, answer, decide) need can(edit); moderation needs can(moderate). Reporting needs
 *   only to be able to read the document, as a person or a guest (anonymous visitors give a name first).
 * - One's own comments only are edited and deleted; moderators do not delete, they hide (a
 *   placeholder stays, replies stay). A deleted comment keeps its place (text and author emptied).
 * - A comment that has an official answer, or a suggestion with a decision, is no longer edited.
 * - Supports: one per person or guest, on thread roots (comments and suggestions), never one's own.
 * - Reports: one open report per reporter and comment; hiding or keeping handles the open reports.
 * - The same author and clientKey never creates twice: a repeat returns the first record (comments,
 *   replies, reports, moderation acts: the POSTs; PUT, PATCH and DELETE are idempotent by nature).
 * - Writes by people (create, reply, edit, delete, support, report) are rate-limited per person; a
 *   guest's per IP. Editors' and moderators' acts are not.
 */
import type { JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import { can } from '../access/can';
import { isConsultationOpen } from '../access/consultation';
import { passGate } from '../access/gate';
import type { Action, DocumentResource } from '../access/model';
import type { FixedWindowLimiter } from '../apiKeys/FixedWindowLimiter';
import { documentResourceOf, type DocumentService } from '../documents/DocumentService';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { DocumentId } from '../documentId';
import { parseAnchor as readAnchor } from './anchors/parseAnchor';
import { CommentError } from './CommentError';
import type { CommentStore, CommentWrite, DocumentComments } from './CommentStore';
import { cleanFieldText, textErrorCode, type TextField } from './commentText';
import {
  ANSWER_STATUSES,
  isFeedbackCategory,
  MODERATION_ACTIONS,
  REPORT_GROUNDS,
  SUGGESTION_DECISIONS,
  THREAD_KINDS,
  type ActorRef,
  type AnswerStatus,
  type ModerationAction,
  type ModerationLogEntry,
  type ReportGround,
  type StoredComment,
  type SuggestionDecision,
  type ThreadKind,
} from './model';
import { actorOfParticipant, authorRefOf, keyOfParticipant, type Participant } from './Participant';
import type { ConsultationReport } from './report/buildConsultationReport';
import { emitSafely } from '../notifications/emitSafely';
import type { NotificationEvent, Notify } from '../notifications/model';
import { answeredEvent, createdEvent, mentionedEvent, mentionsAddedEvent, moderatedEvent, replyEvent } from './commentEvents';
import type { MentionService } from '../mentions/MentionService';
import type { MentionJudgement } from '../mentions/model';
import { readMentionIds } from '../mentions/readMentionIds';
import { versionSpan } from './report/versionSpan';
import { loadBodyTools, type BodyTools } from '../editor/loadBodyTools';
import { authorKeyOf, toCommentView, toConsultationView, type CommentView, type CommentsResponse, type ViewerContext } from './views';

export interface CreateCommentInput {
  readonly kind: ThreadKind;
  /** Untrusted: checked with readAnchor, then against the current body. Feedback: absent or null. */
  readonly anchor?: unknown;
  /** Feedback only (required): one of FEEDBACK_CATEGORIES; any other kind refuses it (category_not_allowed). */
  readonly category?: unknown;
  readonly text: string;
  /** Suggestions: the proposed wording for the passage ('' deletes it). */
  readonly replacement?: string;
  /** Untrusted: person ids to mention (readMentionIds), each judged against the document's readers. */
  readonly mentions?: unknown;
  readonly clientKey?: string;
}

export interface ReplyInput {
  readonly text: string;
  readonly mentions?: unknown;
  readonly clientKey?: string;
}

export interface EditCommentInput {
  readonly text: string;
  readonly replacement?: string;
  /**
   * Untrusted: the person ids the edited text mentions, all of them (readMentionIds), judged as for a
   * new comment; they replace the stored mentions. Absent: the mentions stay as they are.
   */
  readonly mentions?: unknown;
}

/** What every write answers: the comment as the writer now sees it, and the document's revision. */
export interface Written {
  readonly comment: CommentView;
  readonly revision: number;
  /** False when nothing new was written (an idempotent repeat, a support already given, …). */
  readonly changed: boolean;
  /** Create, reply and edit with mentions: the ids not stored as mentions (unknown, or cannot read the document). */
  readonly refusedMentions?: readonly string[];
}

export interface ModerationQueueItem {
  readonly document: { readonly id: string; readonly title: string };
  /** As a moderator sees it: text, author and the open reports' grounds and notes. */
  readonly comment: CommentView;
}

export interface ModerationLogItem extends ModerationLogEntry {
  readonly documentTitle: string;
}

/** The public account of a document's moderation: how many comments are hidden, on which grounds, and how many reviewed and kept. */
export interface ModerationSummary {
  readonly documentId: string;
  readonly hidden: number;
  readonly hiddenByGround: Readonly<Record<ReportGround, number>>;
  readonly reviewedAndKept: number;
}

export type ChangeListener = (documentId: string, revision: number) => void;

export interface CommentServiceOptions {
  readonly store: CommentStore;
  readonly documents: Pick<DocumentService, 'get'>;
  /** The document's current body (the live room's state if loaded, else the stored one). */
  readonly loadBody: (documentId: string) => Promise<Y.Doc>;
  readonly limits: {
    /** Writes per signed-in person. */
    readonly person: FixedWindowLimiter;
    /** Writes per IP address, for guests. */
    readonly guestIp: FixedWindowLimiter;
  };
  readonly now?: () => Date;
  readonly newId?: (prefix: 'c' | 'r' | 'm') => string;
  /** The document's versions (trusted, newest first), so a høringsnotat can be of one version. */
  readonly versionsOf?: (documentId: string) => Promise<readonly ReportVersionRef[]>;
  /**
   * A version's frozen body (trusted; null when there is none), so a version's notat can link each
   * accepted suggestion to the change it made in the compare view. Without it, the link goes to the
   * compare view as a whole.
   */
  readonly versionBody?: (documentId: string, number: number) => Promise<JSONContent | null>;
  /** An organisation's name, for the organisations a consultation was sent to; null when unknown. */
  readonly organisationName?: (organisationId: string) => Promise<string | null>;
  /** Told of new comments, replies, answers, decisions and moderation after they are stored (issue 12). */
  readonly notify?: Notify;
  /** Judges the mentions a comment asks for (issue 12); without it, asked-for mentions are all refused. */
  readonly mentions?: Pick<MentionService, 'judge'>;
}

/** The body as ProseMirror JSON; null when the editor's schema cannot read it (then the notat links no single change). */
function readableBody(tools: BodyTools, ydoc: Y.Doc): JSONContent | null {
  try {
    return tools.bodyJsonOfDoc(ydoc);
  } catch {
    return null;
  }
}

/** What a høringsnotat needs to know of a version. */
export interface ReportVersionRef {
  readonly number: number;
  readonly kind: 'consultation_draft' | 'published';
  readonly publishedAt: string;
}

export interface CommentService {
  list(who: Participant, documentId: DocumentId): Promise<CommentsResponse>;
  create(who: Participant, documentId: DocumentId, input: CreateCommentInput): Promise<Written>;
  reply(who: Participant, documentId: DocumentId, parentId: string, input: ReplyInput): Promise<Written>;
  /** The author's own comment: new text (and, for a suggestion, optionally new wording). */
  edit(who: Participant, documentId: DocumentId, commentId: string, input: EditCommentInput): Promise<Written>;
  /** The author's own comment: its text and name are emptied, its place and replies stay. */
  remove(who: Participant, documentId: DocumentId, commentId: string): Promise<Written>;
  setResolved(who: Participant, documentId: DocumentId, commentId: string, resolved: boolean): Promise<Written>;
  setSupport(who: Participant, documentId: DocumentId, commentId: string, supported: boolean): Promise<Written>;
  answer(
    who: Participant,
    documentId: DocumentId,
    commentId: string,
    input: { readonly status: AnswerStatus; readonly text: string },
  ): Promise<Written>;
  decide(
    who: Participant,
    documentId: DocumentId,
    commentId: string,
    input: { readonly decision: SuggestionDecision; readonly reason: string },
  ): Promise<Written>;
  report(
    who: Participant,
    documentId: DocumentId,
    commentId: string,
    input: { readonly ground: ReportGround; readonly note: string; readonly clientKey?: string },
  ): Promise<Written>;
  moderate(
    who: Participant,
    commentId: string,
    input: { readonly action: ModerationAction; readonly ground?: ReportGround; readonly reason: string; readonly clientKey?: string },
  ): Promise<Written>;
  /** Reported comments (open reports, still visible) on every document the moderator may moderate, longest-waiting first. */
  queue(who: Participant): Promise<ModerationQueueItem[]>;
  /** The moderation log of the documents the moderator may moderate (or of one), newest first. */
  log(who: Participant, options?: { readonly documentId?: DocumentId; readonly limit?: number }): Promise<ModerationLogItem[]>;
  summary(who: Participant, documentId: DocumentId): Promise<ModerationSummary>;
  /** The høringsnotat: comments and suggestions by passage, with supports, organisations and answers. */
  consultationReport(who: Participant, documentId: DocumentId, options?: { readonly version?: number }): Promise<ConsultationReport>;
  /**
   * The consultation's settings changed (PATCH …/consultation): the revision moves on and listeners
   * hear of it, so open clients fetch the comments (with the consultation and their capabilities) again.
   */
  consultationChanged(documentId: DocumentId): Promise<number>;
  /** Heard after every change that wrote something; returns the function that unsubscribes. */
  onChanged(listener: ChangeListener): () => void;
  /**
   * The body was edited by these people (the sync server tells, debounced per document): each
   * anchored thread whose passage now reads differently from when it was last looked at tells its
   * people (passage_changed, at most once per thread and day), and the new text is kept. Trusted.
   */
  passagesEdited(documentId: DocumentId, editorIds: readonly string[]): Promise<number>;
}

const CLIENT_KEY = /^[A-Za-z0-9_-]{1,100}$/;

/** What a new comment says and where it stands; writeNew adds who wrote it, when, and its empty support, reports and moderation. */
type NewCommentFields = Pick<
  StoredComment,
  'id' | 'documentId' | 'threadId' | 'parentId' | 'kind' | 'anchor' | 'category' | 'text' | 'replacement' | 'mentions'
>;
const MAX_LOG_LIMIT = 1000;

const invalid = (code: string) => new CommentError('invalid', code);
const conflict = (code: string) => new CommentError('conflict', code);
/** How soon to try again a comment whose passage has not reached the server yet. */
const PASSAGE_RETRY_MS = 2000;
const commentNotFound = () => new CommentError('not_found', 'comment_not_found');

export function createCommentService(options: CommentServiceOptions): CommentService {
  const { store, documents, loadBody, limits } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? ((prefix) => `${prefix}_${crypto.randomUUID()}`);
  const listeners = new Set<ChangeListener>();

  function changed(documentId: string, revision: number): void {
    for (const listener of [...listeners]) {
      try {
        listener(documentId, revision);
      } catch {
        // A listener's failure must not undo or hide the change itself.
      }
    }
  }

  /** The organisations the document's grants name (those the consultation was sent to), with their names. */
  async function consultedOrganisations(meta: DocumentMeta): Promise<{ id: string; name: string }[]> {
    const ids = [...new Set(meta.grants.flatMap((grant) => (grant.subject === 'organisation' ? [grant.organisationId] : [])))];
    const named = await Promise.all(ids.map(async (id) => ({ id, name: (await options.organisationName?.(id)) ?? null })));
    return named.flatMap((entry) => (entry.name === null ? [] : [{ id: entry.id, name: entry.name }]));
  }

  interface Opened {
    readonly meta: DocumentMeta;
    readonly resource: DocumentResource;
  }

  /** The document if the participant may read it: "not found" for people, "sign in" for guests and anonymous visitors. */
  async function open(who: Participant, documentId: string): Promise<Opened> {
    const { found: meta, resource } = await passGate({
      actor: actorOfParticipant(who),
      action: 'view',
      load: () => documents.get(documentId),
      resourceOf: (found) => documentResourceOf(found, now()),
      refuse: {
        hidden: (exists) =>
          who.kind === 'person' || !exists
            ? new CommentError('not_found', 'not_found')
            : new CommentError('unauthenticated', 'unauthenticated'),
      },
    });
    return { meta, resource };
  }

  /** can(action) or the refusal: without an identity that could be allowed, "sign in"; otherwise can()'s reason. */
  function require(who: Participant, action: Action, resource: DocumentResource): void {
    const decision = can(actorOfParticipant(who), action, resource);
    if (decision.allowed) return;
    if (who.kind === 'anonymous' || decision.reason === 'not_signed_in') throw new CommentError('unauthenticated', 'unauthenticated');
    throw new CommentError('forbidden', decision.reason);
  }

  function writer(who: Participant): Exclude<Participant, { kind: 'anonymous' }> {
    if (who.kind === 'anonymous') throw new CommentError('unauthenticated', 'unauthenticated');
    return who;
  }

  function officialRef(who: Participant): ActorRef {
    if (who.kind !== 'person') throw new CommentError('unauthenticated', 'unauthenticated');
    return { id: who.actor.id, name: who.name };
  }

  function limit(who: Participant): void {
    if (who.kind === 'anonymous') return;
    const result = who.kind === 'person' ? limits.person.hit(`person:${who.actor.id}`) : limits.guestIp.hit(`ip:${who.ip}`);
    if (!result.allowed) throw new CommentError('rate_limited', 'rate_limited', result.retryAfterMs);
  }

  function text(value: string, field: TextField, required?: boolean): string {
    const cleaned = cleanFieldText(value, field, required === undefined ? {} : { required });
    if (!cleaned.ok) throw invalid(textErrorCode(field, cleaned.problem));
    return cleaned.text;
  }

  function clientKeyOf(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (!CLIENT_KEY.test(value)) throw invalid('client_key_invalid');
    return value;
  }

  /** The asked-for mentions, judged against who can read the document now. */
  async function judgeMentions(meta: DocumentMeta, value: unknown): Promise<MentionJudgement> {
    const ids = readMentionIds(value);
    if (ids === null) throw invalid('mentions_invalid');
    if (ids.length === 0) return { accepted: [], refused: [] };
    return options.mentions ? options.mentions.judge(meta, ids) : { accepted: [], refused: ids };
  }

  /** Tells the people a new comment or reply mentions, and says which mentions were refused. */
  async function withMentions(
    who: Participant,
    written: Written,
    judged: MentionJudgement,
    stored: () => StoredComment | undefined,
  ): Promise<Written> {
    const comment = stored();
    if (written.changed && comment) await emitSafely(options.notify, () => mentionedEvent(who, comment));
    return judged.refused.length > 0 || judged.accepted.length > 0 ? { ...written, refusedMentions: judged.refused } : written;
  }

  function viewerOf(who: Participant, resource: DocumentResource): ViewerContext {
    return { key: keyOfParticipant(who), canModerate: can(actorOfParticipant(who), 'moderate', resource).allowed };
  }

  /** A lookup (DocumentComments.find), never a walk over the document's comments. */
  const find = (current: DocumentComments, commentId: string): StoredComment => {
    const found = current.find(commentId);
    if (!found) throw commentNotFound();
    return found;
  };

  /** The comment as stored now, for the checks before a write: one comment read, not the document's. */
  async function storedOn(documentId: DocumentId, commentId: string): Promise<StoredComment> {
    const found = await store.get(commentId);
    if (!found || found.documentId !== documentId) throw commentNotFound();
    return found;
  }

  const byKey = (current: DocumentComments, key: string, clientKey: string | undefined): StoredComment | undefined =>
    clientKey === undefined ? undefined : current.findByClientKey(key, clientKey);

  /** One atomic change to a document's comments; listeners hear of it when something was written. */
  async function write(
    who: Participant,
    opened: Opened,
    change: (current: DocumentComments) => CommentWrite<StoredComment>,
  ): Promise<Written> {
    const id = opened.meta.id;
    const done = await store.update(id, change);
    if (done.changed) changed(id, done.revision);
    return { comment: toCommentView(done.result, viewerOf(who, opened.resource)), revision: done.revision, changed: done.changed };
  }

  /** `write`, then the notification hook hears of what was stored (when something was; never failing the act). */
  async function writeTelling(
    who: Participant,
    opened: Opened,
    event: (stored: StoredComment) => NotificationEvent | null,
    change: (current: DocumentComments) => CommentWrite<StoredComment>,
  ): Promise<Written> {
    let stored: StoredComment | undefined;
    const written = await write(who, opened, (current) => {
      const result = change(current);
      stored = result.result;
      return result;
    });
    const result = stored;
    if (written.changed && result) await emitSafely(options.notify, () => event(result));
    return written;
  }

  /** The comment must be the participant's own, still there and not hidden. */
  function ownEditable(who: Participant, comment: StoredComment): void {
    if (authorKeyOf(comment.author) !== keyOfParticipant(who)) throw new CommentError('forbidden', 'not_author');
    if (comment.deletedAt !== undefined) throw conflict('comment_deleted');
  }

  const isRoot = (comment: StoredComment) => comment.parentId === null;

  /**
   * Now, or just after the document's newest comment: creation times within a document are strictly
   * increasing, so "creation order" is the order things were written, also within one millisecond.
   */
  function createdAtFor(current: DocumentComments): string {
    const at = now().getTime();
    // The comments are in creation order: the newest is the last one.
    const last = current.comments.length > 0 ? current.comments[current.comments.length - 1] : undefined;
    const newest = last ? Date.parse(last.createdAt) : -Infinity;
    return new Date(Math.max(at, newest + 1)).toISOString();
  }

  /** A repeat with a clientKey already stored answers with what was stored, before any rule that may have changed since. */
  async function repeated(who: Participant, opened: Opened, clientKey: string | undefined): Promise<Written | null> {
    const key = keyOfParticipant(who);
    if (key === null || clientKey === undefined) return null;
    const current = await store.read(opened.meta.id);
    const existing = byKey(current, key, clientKey);
    return existing
      ? { comment: toCommentView(existing, viewerOf(who, opened.resource)), revision: current.revision, changed: false }
      : null;
  }

  /**
   * Writes a new comment, suggestion or reply by `author`, unless a concurrent repeat of the same
   * clientKey has won the race since the first look (then that one is the answer).
   */
  function writeNew(
    who: Participant,
    opened: Opened,
    author: Exclude<Participant, { kind: 'anonymous' }>,
    clientKey: string | undefined,
    event: (stored: StoredComment) => NotificationEvent | null,
    fields: (current: DocumentComments) => NewCommentFields,
  ): Promise<Written> {
    const key = keyOfParticipant(who)!;
    return writeTelling(who, opened, event, (current) => {
      const existing = byKey(current, key, clientKey);
      if (existing) return { result: existing };
      const comment: StoredComment = {
        ...fields(current),
        author: authorRefOf(author),
        createdAt: createdAtFor(current),
        ...(clientKey !== undefined && { clientKey }),
        supporters: [],
        reports: [],
        moderation: { state: 'visible' },
      };
      return { put: [comment], result: comment };
    });
  }

  /**
   * Feedback on the whole document (the feedback model), or a reply to a forum post (no category):
   * no anchor, a category for feedback, text required, no
   * wording; otherwise a comment's rules (can(comment) was asked, mentions, rate limit, clientKey).
   */
  async function createFeedback(
    who: Participant,
    opened: Opened,
    author: Exclude<Participant, { kind: 'anonymous' }>,
    clientKey: string | undefined,
    input: CreateCommentInput,
  ): Promise<Written> {
    if (input.anchor !== undefined && input.anchor !== null) throw invalid('anchor_not_allowed');
    const forumReply = input.kind === 'forum_reply';
    // A forum post's replies (issue 14) are about the post, with no category; feedback has one.
    if (forumReply && opened.resource.forumPost !== true) throw invalid('kind_not_allowed');
    if (forumReply && input.category !== undefined) throw invalid('category_not_allowed');
    const category = input.category;
    if (!forumReply && !isFeedbackCategory(category)) throw invalid('category_invalid');
    if (input.replacement !== undefined) throw invalid('replacement_not_allowed');
    const body = text(input.text, 'text');
    const judged = await judgeMentions(opened.meta, input.mentions);
    limit(who);
    let created: StoredComment | undefined;
    const tell = (stored: StoredComment) => {
      created = stored;
      return createdEvent(who, stored);
    };
    const documentId = opened.meta.id;
    const written = await writeNew(who, opened, author, clientKey, tell, () => {
      const id = newId('c');
      return {
        id,
        documentId,
        threadId: id,
        parentId: null,
        kind: forumReply ? 'forum_reply' : 'feedback',
        anchor: null,
        ...(isFeedbackCategory(category) && { category }),
        text: body,
        ...(judged.accepted.length > 0 && { mentions: judged.accepted }),
      };
    });
    return withMentions(who, written, judged, () => created);
  }

  return {
    async list(who, documentId) {
      const opened = await open(who, documentId);
      const { resource, meta } = opened;
      const actor = actorOfParticipant(who);
      const current = await store.read(documentId);
      const viewer = viewerOf(who, resource);
      const comment = can(actor, 'comment', resource);
      // Whether someone with a display name and no account could comment here now.
      const guestsMayJoin = can({ kind: 'guest', id: 'g_probe', displayName: 'probe' }, 'comment', resource).allowed;
      return {
        revision: current.revision,
        comments: current.comments.map((c) => toCommentView(c, viewer)),
        viewer: {
          signedIn: who.kind === 'person',
          guest: who.kind === 'guest' ? { name: who.actor.displayName } : null,
          canComment: comment.allowed,
          commentRefusal: comment.allowed ? null : comment.reason,
          canRespond: can(actor, 'edit', resource).allowed,
          canModerate: viewer.canModerate,
          canChangePhase: can(actor, 'change_phase', resource).allowed,
          guestsMayJoin,
        },
        consultation: toConsultationView(meta.state, meta.consultation, isConsultationOpen(meta.state, meta.consultation, now())),
      };
    },

    async create(who, documentId, input) {
      const opened = await open(who, documentId);
      const clientKey = clientKeyOf(input.clientKey);
      const again = await repeated(who, opened, clientKey);
      if (again) return again;
      require(who, 'comment', opened.resource);
      const author = writer(who);
      if (!(THREAD_KINDS as readonly string[]).includes(input.kind)) throw invalid('kind_invalid');
      if (input.kind === 'feedback' || input.kind === 'forum_reply') return createFeedback(who, opened, author, clientKey, input);
      if (input.category !== undefined) throw invalid('category_not_allowed');
      const anchor = readAnchor(input.anchor);
      if (!anchor) throw invalid('anchor_invalid');
      const suggestion = input.kind === 'suggestion';
      const body = text(input.text, 'text', !suggestion);
      let replacement: string | undefined;
      if (suggestion) {
        if (typeof input.replacement !== 'string') throw invalid('replacement_required');
        replacement = text(input.replacement, 'replacement', false);
        if (replacement === anchor.quote.exact) throw invalid('replacement_unchanged');
      } else if (input.replacement !== undefined) throw invalid('replacement_not_allowed');
      const judged = await judgeMentions(opened.meta, input.mentions);
      limit(who);
      // The anchor functions need the editor's schema (loaded on first need).
      const { passageExists, anchorIsAhead } = await loadBodyTools();
      const ydoc = await loadBody(documentId);
      try {
        if (!passageExists(ydoc, anchor)) {
          // Typed offline and not synced yet: ask the client to try again shortly (the outbox does).
          if (anchorIsAhead(ydoc, anchor)) throw new CommentError('too_early', 'passage_not_synced', PASSAGE_RETRY_MS);
          throw conflict('passage_gone');
        }
      } finally {
        ydoc.destroy();
      }
      let created: StoredComment | undefined;
      const tell = (stored: StoredComment) => {
        created = stored;
        return createdEvent(who, stored);
      };
      const written = await writeNew(who, opened, author, clientKey, tell, () => {
        const id = newId('c');
        return {
          id,
          documentId,
          threadId: id,
          parentId: null,
          kind: input.kind,
          anchor,
          text: body,
          ...(replacement !== undefined && { replacement }),
          ...(judged.accepted.length > 0 && { mentions: judged.accepted }),
        };
      });
      return withMentions(who, written, judged, () => created);
    },

    async reply(who, documentId, parentId, input) {
      const opened = await open(who, documentId);
      const clientKey = clientKeyOf(input.clientKey);
      const again = await repeated(who, opened, clientKey);
      if (again) return again;
      require(who, 'comment', opened.resource);
      const author = writer(who);
      const body = text(input.text, 'text');
      await storedOn(documentId, parentId);
      const judged = await judgeMentions(opened.meta, input.mentions);
      limit(who);
      let answered: StoredComment[] = [];
      let created: StoredComment | undefined;
      const tell = (stored: StoredComment) => {
        created = stored;
        return replyEvent(who, stored, answered);
      };
      const written = await writeNew(who, opened, author, clientKey, tell, (current) => {
        const parent = find(current, parentId);
        const root = current.find(parent.threadId);
        answered = [parent, ...(root ? [root] : [])];
        return {
          id: newId('c'),
          documentId,
          threadId: parent.threadId,
          parentId: parent.id,
          kind: 'reply',
          anchor: null,
          text: body,
          ...(judged.accepted.length > 0 && { mentions: judged.accepted }),
        };
      });
      return withMentions(who, written, judged, () => created);
    },

    async edit(who, documentId, commentId, input) {
      const opened = await open(who, documentId);
      require(who, 'comment', opened.resource);
      writer(who);
      const existing = await storedOn(documentId, commentId);
      ownEditable(who, existing);
      const suggestion = existing.kind === 'suggestion';
      const body = text(input.text, 'text', !suggestion);
      if (input.replacement !== undefined && !suggestion) throw conflict('not_a_suggestion');
      const replacement = input.replacement === undefined ? undefined : text(input.replacement, 'replacement', false);
      // Judged like a new comment's (can(view) now, per person); absent, the stored ones stay.
      const judged = input.mentions === undefined ? null : await judgeMentions(opened.meta, input.mentions);
      limit(who);
      // The people this edit mentions and the comment did not before: told once (mentionsAddedEvent).
      let added: string[] = [];
      const written = await writeTelling(
        who,
        opened,
        (stored) => mentionsAddedEvent(who, stored, added),
        (current) => {
          const comment = find(current, commentId);
          ownEditable(who, comment);
          if (comment.moderation.state === 'hidden') throw conflict('comment_hidden');
          if (comment.answer || comment.decision) throw conflict('comment_answered');
          if (replacement !== undefined && comment.anchor && replacement === comment.anchor.quote.exact)
            throw invalid('replacement_unchanged');
          const before = new Set((comment.mentions ?? []).map((mention) => mention.id));
          const mentions = judged === null ? (comment.mentions ?? []) : judged.accepted;
          const sameMentions = mentions.length === before.size && mentions.every((mention) => before.has(mention.id));
          if (body === comment.text && (replacement === undefined || replacement === comment.replacement) && sameMentions)
            return { result: comment };
          added = mentions.flatMap((mention) => (before.has(mention.id) ? [] : [mention.id]));
          const { mentions: _previous, ...rest } = comment;
          const edited: StoredComment = {
            ...rest,
            text: body,
            ...(replacement !== undefined && { replacement }),
            ...(mentions.length > 0 && { mentions }),
            editedAt: now().toISOString(),
          };
          return { put: [edited], result: edited };
        },
      );
      return judged === null ? written : { ...written, refusedMentions: judged.refused };
    },

    async remove(who, documentId, commentId) {
      const opened = await open(who, documentId);
      require(who, 'comment', opened.resource);
      writer(who);
      const existing = await storedOn(documentId, commentId);
      if (authorKeyOf(existing.author) !== keyOfParticipant(who)) throw new CommentError('forbidden', 'not_author');
      if (existing.deletedAt === undefined) limit(who);
      return write(who, opened, (current) => {
        const comment = find(current, commentId);
        if (comment.deletedAt !== undefined) return { result: comment };
        const { replacement: _dropped, ...rest } = comment;
        const deleted: StoredComment = {
          ...rest,
          text: '',
          ...(comment.kind === 'suggestion' && { replacement: '' }),
          author: { kind: comment.author.kind, id: comment.author.id, name: '' },
          deletedAt: now().toISOString(),
        };
        return { put: [deleted], result: deleted };
      });
    },

    async setResolved(who, documentId, commentId, resolved) {
      const opened = await open(who, documentId);
      require(who, 'edit', opened.resource);
      const by = officialRef(who);
      return write(who, opened, (current) => {
        const comment = find(current, commentId);
        if (!isRoot(comment)) throw conflict('not_a_thread');
        if (resolved === (comment.resolved !== undefined)) return { result: comment };
        const { resolved: _previous, ...rest } = comment;
        const next: StoredComment = resolved ? { ...rest, resolved: { by, at: now().toISOString() } } : rest;
        return { put: [next], result: next };
      });
    },

    async setSupport(who, documentId, commentId, supported) {
      const opened = await open(who, documentId);
      require(who, 'comment', opened.resource);
      writer(who);
      const key = keyOfParticipant(who)!;
      const existing = await storedOn(documentId, commentId);
      if (existing.supporters.includes(key) !== supported) limit(who);
      return write(who, opened, (current) => {
        const comment = find(current, commentId);
        if (!isRoot(comment)) throw conflict('not_a_thread');
        if (authorKeyOf(comment.author) === key) throw conflict('support_own');
        if (comment.supporters.includes(key) === supported) return { result: comment };
        if (comment.deletedAt !== undefined) throw conflict('comment_deleted');
        if (comment.moderation.state === 'hidden') throw conflict('comment_hidden');
        const supporters = supported ? [...comment.supporters, key] : comment.supporters.filter((k) => k !== key);
        const next: StoredComment = { ...comment, supporters };
        return { put: [next], result: next };
      });
    },

    async answer(who, documentId, commentId, input) {
      const opened = await open(who, documentId);
      require(who, 'edit', opened.resource);
      const by = officialRef(who);
      if (!(ANSWER_STATUSES as readonly string[]).includes(input.status)) throw invalid('status_invalid');
      const body = text(input.text, 'answer');
      const tell = (stored: StoredComment) => answeredEvent(who, stored, 'answer');
      return writeTelling(who, opened, tell, (current) => {
        const comment = find(current, commentId);
        if (!isRoot(comment)) throw conflict('not_a_thread');
        if (comment.deletedAt !== undefined) throw conflict('comment_deleted');
        if (comment.answer && comment.answer.status === input.status && comment.answer.text === body) return { result: comment };
        const next: StoredComment = { ...comment, answer: { status: input.status, text: body, by, at: now().toISOString() } };
        return { put: [next], result: next };
      });
    },

    async decide(who, documentId, commentId, input) {
      const opened = await open(who, documentId);
      require(who, 'edit', opened.resource);
      const by = officialRef(who);
      if (!(SUGGESTION_DECISIONS as readonly string[]).includes(input.decision)) throw invalid('suggestion_decision_invalid');
      // Declining takes a reason; accepting may go without one.
      const reason = text(input.reason, 'reason', input.decision === 'declined');
      const tell = (stored: StoredComment) => answeredEvent(who, stored, 'decision');
      return writeTelling(who, opened, tell, (current) => {
        const comment = find(current, commentId);
        if (comment.kind !== 'suggestion') throw conflict('not_a_suggestion');
        if (comment.deletedAt !== undefined) throw conflict('comment_deleted');
        if (comment.decision && comment.decision.decision === input.decision && comment.decision.reason === reason)
          return { result: comment };
        const next: StoredComment = { ...comment, decision: { decision: input.decision, reason, by, at: now().toISOString() } };
        return { put: [next], result: next };
      });
    },

    async report(who, documentId, commentId, input) {
      const opened = await open(who, documentId);
      writer(who);
      const key = keyOfParticipant(who)!;
      if (!(REPORT_GROUNDS as readonly string[]).includes(input.ground)) throw invalid('ground_invalid');
      const note = text(input.note, 'note', false);
      const clientKey = clientKeyOf(input.clientKey);
      const sameReport = (c: StoredComment) => clientKey !== undefined && c.reports.some((r) => r.by === key && r.clientKey === clientKey);
      const existing = await storedOn(documentId, commentId);
      if (!sameReport(existing)) {
        if (existing.reports.some((r) => r.by === key && r.handledAt === undefined)) throw conflict('report_exists');
        limit(who);
      }
      return write(who, opened, (current) => {
        const comment = find(current, commentId);
        // A repeat of a report already taken (its answer was lost): what is stored now.
        if (sameReport(comment)) return { result: comment };
        if (comment.deletedAt !== undefined) throw conflict('comment_deleted');
        if (comment.moderation.state === 'hidden') throw conflict('comment_hidden');
        if (comment.reports.some((r) => r.by === key && r.handledAt === undefined)) throw conflict('report_exists');
        const report = {
          id: newId('r'),
          by: key,
          ground: input.ground,
          note,
          at: now().toISOString(),
          ...(clientKey !== undefined && { clientKey }),
        };
        const next: StoredComment = { ...comment, reports: [...comment.reports, report] };
        return { put: [next], result: next };
      });
    },

    async moderate(who, commentId, input) {
      const stored = await store.get(commentId);
      if (!stored) throw commentNotFound();
      // A comment on a document one cannot read is as unknown as one that does not exist.
      const opened = await open(who, stored.documentId).catch((error: unknown) => {
        throw (error as CommentError).code === 'not_found' ? commentNotFound() : error;
      });
      require(who, 'moderate', opened.resource);
      const by = officialRef(who);
      if (!(MODERATION_ACTIONS as readonly string[]).includes(input.action)) throw invalid('action_invalid');
      if (input.ground !== undefined && !(REPORT_GROUNDS as readonly string[]).includes(input.ground)) throw invalid('ground_invalid');
      if (input.action === 'hide' && input.ground === undefined) throw invalid('ground_required');
      const reason = text(input.reason, 'reason');
      const clientKey = clientKeyOf(input.clientKey);
      if (clientKey !== undefined) {
        // A repeat of an act already done (its answer was lost): the comment as it is now.
        const done = await store.moderationLog({ documentIds: [opened.meta.id], limit: 10_000 });
        if (done.some((entry) => entry.commentId === commentId && entry.by.id === by.id && entry.clientKey === clientKey)) {
          const current = await store.read(opened.meta.id);
          return {
            comment: toCommentView(find(current, commentId), viewerOf(who, opened.resource)),
            revision: current.revision,
            changed: false,
          };
        }
      }
      let logged: ModerationLogEntry | undefined;
      const tell = (stored: StoredComment) => moderatedEvent(who, stored, logged);
      return writeTelling(who, opened, tell, (current) => {
        const comment = find(current, commentId);
        if (comment.deletedAt !== undefined) throw conflict('comment_deleted');
        const hidden = comment.moderation.state === 'hidden';
        const at = now().toISOString();
        let moderation: StoredComment['moderation'];
        let handled = false;
        switch (input.action) {
          case 'hide':
            if (hidden) throw conflict('already_hidden');
            moderation = { ...comment.moderation, state: 'hidden', ground: input.ground! };
            handled = true;
            break;
          case 'restore': {
            if (!hidden) throw conflict('not_hidden');
            const { ground: _ground, ...rest } = comment.moderation;
            moderation = { ...rest, state: 'visible' };
            break;
          }
          case 'keep':
            if (hidden) throw conflict('comment_hidden');
            moderation = { ...comment.moderation, reviewedAt: at };
            handled = true;
            break;
        }
        const reports = handled ? comment.reports.map((r) => (r.handledAt === undefined ? { ...r, handledAt: at } : r)) : comment.reports;
        const next: StoredComment = { ...comment, moderation, reports };
        const entry: ModerationLogEntry = {
          id: newId('m'),
          at,
          documentId: comment.documentId,
          commentId,
          action: input.action,
          ...(input.action === 'hide' ? { ground: input.ground! } : input.ground !== undefined ? { ground: input.ground } : {}),
          reason,
          by,
          ...(clientKey !== undefined && { clientKey }),
        };
        logged = entry;
        return { put: [next], log: [entry], result: next };
      });
    },

    async queue(who) {
      const actor = actorOfParticipant(who);
      const platform = can(actor, 'moderate', { kind: 'platform' });
      if (!platform.allowed)
        throw who.kind === 'person'
          ? new CommentError('forbidden', platform.reason)
          : new CommentError('unauthenticated', 'unauthenticated');
      const reported = (await store.reported()).filter((c) => c.deletedAt === undefined && c.moderation.state === 'visible');
      const moderatable = await moderatableDocuments(who, new Set(reported.map((c) => c.documentId)));
      return reported.flatMap((comment) => {
        const document = moderatable.get(comment.documentId);
        if (!document) return [];
        return [
          {
            document: { id: document.meta.id, title: document.meta.title },
            comment: toCommentView(comment, { key: keyOfParticipant(who), canModerate: true }),
          },
        ];
      });
    },

    async log(who, logOptions = {}) {
      const actor = actorOfParticipant(who);
      const platform = can(actor, 'moderate', { kind: 'platform' });
      if (!platform.allowed)
        throw who.kind === 'person'
          ? new CommentError('forbidden', platform.reason)
          : new CommentError('unauthenticated', 'unauthenticated');
      const limitCount = Math.min(Math.max(1, logOptions.limit ?? 200), MAX_LOG_LIMIT);
      if (logOptions.documentId !== undefined) {
        const opened = await open(who, logOptions.documentId);
        require(who, 'moderate', opened.resource);
        const entries = await store.moderationLog({ documentIds: [opened.meta.id], limit: limitCount });
        return entries.map((entry) => ({ ...entry, documentTitle: opened.meta.title }));
      }
      // Newest first over every document, then only those this moderator may moderate.
      const entries = await store.moderationLog({ limit: MAX_LOG_LIMIT });
      const moderatable = await moderatableDocuments(who, new Set(entries.map((e) => e.documentId)));
      return entries
        .filter((entry) => moderatable.has(entry.documentId))
        .slice(0, limitCount)
        .map((entry) => ({ ...entry, documentTitle: moderatable.get(entry.documentId)!.meta.title }));
    },

    async summary(who, documentId) {
      await open(who, documentId);
      const { comments } = await store.read(documentId);
      const hiddenByGround = Object.fromEntries(REPORT_GROUNDS.map((ground) => [ground, 0])) as Record<ReportGround, number>;
      let hidden = 0;
      let reviewedAndKept = 0;
      for (const comment of comments) {
        // Hidden stays counted when its author deletes it: they withdraw their words, not the moderation.
        if (comment.moderation.state === 'hidden') {
          hidden += 1;
          hiddenByGround[comment.moderation.ground ?? 'other'] += 1;
        } else if (comment.deletedAt === undefined && comment.moderation.reviewedAt !== undefined) reviewedAndKept += 1;
      }
      return { documentId, hidden, hiddenByGround, reviewedAndKept };
    },

    async consultationReport(who, documentId, reportOptions = {}) {
      const { meta } = await open(who, documentId);
      // The versions are read only for a notat of one version.
      const versions = reportOptions.version !== undefined && options.versionsOf ? await options.versionsOf(documentId) : [];
      const span = versionSpan(versions, reportOptions.version);
      if (reportOptions.version !== undefined && !span) throw new CommentError('not_found', 'version_not_found');
      const { comments } = await store.read(documentId);
      const consulted = await consultedOrganisations(meta);
      const tools = await loadBodyTools();
      const { acceptedSuggestions, suggestionChanges, buildConsultationReport } = tools;
      const ydoc = await loadBody(documentId);
      try {
        // Which change each accepted suggestion made: the version against the next one (or the
        // current draft), compared only when the notat has accepted suggestions (it is the costly part).
        const accepted = span && options.versionBody ? acceptedSuggestions(comments, span) : [];
        let changes: ReadonlyMap<string, number> | undefined;
        if (span && options.versionBody && accepted.length > 0) {
          const before = await options.versionBody(documentId, span.number);
          const after = span.next ? await options.versionBody(documentId, span.next.number) : readableBody(tools, ydoc);
          if (before && after) changes = suggestionChanges(accepted, before, after);
        }
        return buildConsultationReport({
          meta,
          comments,
          body: ydoc,
          generatedAt: now().toISOString(),
          consulted,
          ...(span && { version: span }),
          ...(changes && { changes }),
        });
      } finally {
        ydoc.destroy();
      }
    },

    async consultationChanged(documentId) {
      const done = await store.update(documentId, () => ({ touch: true, result: null }));
      changed(documentId, done.revision);
      return done.revision;
    },

    async passagesEdited(documentId, editorIds) {
      const meta = await documents.get(documentId);
      if (!meta) return 0;
      const { comments } = await store.read(documentId);
      if (!comments.some((comment) => comment.anchor !== null)) return 0;
      const at = now();
      const { changedPassages } = await loadBodyTools();
      const ydoc = await loadBody(documentId);
      let changes;
      try {
        changes = changedPassages(comments, ydoc);
      } finally {
        ydoc.destroy();
      }
      if (changes.length === 0) return 0;
      const byId = new Map(changes.map((change) => [change.commentId, change.text]));
      const done = await store.update(documentId, (current) => {
        const put = current.comments.flatMap((comment) => {
          const text = byId.get(comment.id);
          return text === undefined ? [] : [{ ...comment, passage: { text, at: at.toISOString() } }];
        });
        return { put, result: null };
      });
      // Nobody is told of the new revision: what readers see of the comments did not change.
      void done;
      const editor = editorIds.length > 0 ? editorIds[editorIds.length - 1]! : null;
      const day = at.toISOString().slice(0, 10);
      for (const change of changes) {
        await emitSafely(options.notify, () => ({
          kind: 'passage_changed',
          // One per thread and day: a passage edited all afternoon tells its people once.
          eventId: `passage:${change.commentId}:${day}`,
          documentId,
          actor: { personId: editor, name: '' },
          commentId: change.commentId,
          personIds: change.personIds,
          editorIds,
        }));
      }
      return changes.length;
    },

    onChanged(listener) {
      const subscription: ChangeListener = (id, revision) => listener(id, revision);
      listeners.add(subscription);
      return () => listeners.delete(subscription);
    },
  };

  /** Of these documents, those the participant may moderate now, with their metadata. */
  async function moderatableDocuments(who: Participant, ids: ReadonlySet<string>): Promise<Map<string, Opened>> {
    const found = new Map<string, Opened>();
    const actor = actorOfParticipant(who);
    for (const id of ids) {
      const meta = await documents.get(id);
      if (!meta) continue;
      const resource = documentResourceOf(meta, now());
      if (can(actor, 'moderate', resource).allowed) found.set(id, { meta, resource });
    }
    return found;
  }
}

/**
 * The shapes of the comments API's JSON bodies (zod, shared by route handlers and forms). They check
 * structure only: types, enums and the presence of fields, each with its error code. The text
 * policy (commentText.ts) and anchors are the comment service's to judge, so that every caller of
 * the service gets them.
 */
import { z } from '../zodWithoutEval';
import { ANSWER_STATUSES, MODERATION_ACTIONS, REPORT_GROUNDS, SUGGESTION_DECISIONS, THREAD_KINDS } from './model';

/** JSON bodies of the comment routes: 5,000 characters of text and of wording, and an anchor, fit comfortably. */
export const COMMENT_BODY_MAX_BYTES = 64 * 1024;

const clientKey = z.string({ error: 'client_key_invalid' }).optional();

export const createCommentSchema = z.object({
  kind: z.enum(THREAD_KINDS, { error: 'kind_invalid' }),
  /** Checked by the service (anchor_invalid; feedback: anchor_not_allowed); missing is no anchor either. */
  anchor: z.unknown().optional(),
  /** Feedback only: 'works' | 'questions' | 'suggestions'; checked by the service (category_invalid, category_not_allowed). */
  category: z.unknown().optional(),
  text: z.string({ error: 'text_required' }),
  replacement: z.string({ error: 'replacement_required' }).optional(),
  /** Person ids to mention; checked by the service (mentions_invalid), each against the document's readers. */
  mentions: z.unknown().optional(),
  clientKey,
});

export const replySchema = z.object({ text: z.string({ error: 'text_required' }), mentions: z.unknown().optional(), clientKey });

export const editCommentSchema = z.object({
  text: z.string({ error: 'text_required' }),
  replacement: z.string({ error: 'replacement_required' }).optional(),
  /** All the person ids the edited text mentions (replacing the stored ones); absent keeps them. Checked by the service. */
  mentions: z.unknown().optional(),
});

export const resolutionSchema = z.object({ resolved: z.boolean({ error: 'resolved_invalid' }) });

export const supportSchema = z.object({ supported: z.boolean({ error: 'supported_invalid' }) });

export const answerSchema = z.object({
  status: z.enum(ANSWER_STATUSES, { error: 'status_invalid' }),
  text: z.string({ error: 'answer_required' }),
});

export const decisionSchema = z.object({
  decision: z.enum(SUGGESTION_DECISIONS, { error: 'suggestion_decision_invalid' }),
  /** Required (non-empty) to decline; the service says so. */
  reason: z.string({ error: 'reason_required' }).default(''),
});

export const reportSchema = z.object({
  ground: z.enum(REPORT_GROUNDS, { error: 'ground_invalid' }),
  note: z.string({ error: 'note_invalid_characters' }).default(''),
  clientKey,
});

export const moderationSchema = z.object({
  action: z.enum(MODERATION_ACTIONS, { error: 'action_invalid' }),
  ground: z.enum(REPORT_GROUNDS, { error: 'ground_invalid' }).optional(),
  reason: z.string({ error: 'reason_required' }),
  clientKey,
});

const moment = (code: string) =>
  z
    .union([z.iso.datetime({ offset: true, error: code }), z.null()], { error: code })
    .transform((value) => (value === null ? null : new Date(value).toISOString()));
const flag = z.boolean({ error: 'consultation_flag_invalid' });

/**
 * PATCH /api/documents/[id]/consultation: any of the settings; those left out keep their value.
 * Dates are ISO 8601 with a time zone (stored in UTC); null removes a date. Once merged with the
 * current settings, the closing must come after the opening (checked by the route: closes_before_opens).
 */
export const consultationSettingsSchema = z.object({
  opensAt: moment('opens_at_invalid').optional(),
  closesAt: moment('closes_at_invalid').optional(),
  citizensMayComment: flag.optional(),
  organisationsMayComment: flag.optional(),
  guestsMayComment: flag.optional(),
});

export const guestSchema = z.object({ displayName: z.string({ error: 'name_required' }) });

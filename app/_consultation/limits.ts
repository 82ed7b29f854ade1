/** The text limits the comments API enforces (lib/comments/commentText.ts), for the forms' maxLength. */
export {
  ANSWER_TEXT_MAX as ANSWER_TEXT_MAX_LENGTH,
  COMMENT_TEXT_MAX as COMMENT_TEXT_MAX_LENGTH,
  DISPLAY_NAME_MAX as GUEST_NAME_MAX_LENGTH,
  REASON_MAX as REASON_MAX_LENGTH,
  REPLACEMENT_MAX as REPLACEMENT_MAX_LENGTH,
  REPORT_NOTE_MAX as REPORT_NOTE_MAX_LENGTH,
} from '../../lib/comments/commentText';

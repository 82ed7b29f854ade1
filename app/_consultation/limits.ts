/** TEMPORARY: the text limits the comments API enforces, until helper B's lib/comments constants land. */
export const COMMENT_TEXT_MAX_LENGTH = 5000;
export const REPORT_NOTE_MAX_LENGTH = 1000;
export const GUEST_NAME_MAX_LENGTH = 60;

/**
 * A document's title, as the app's forms and routes and the platform API take it. Browser-safe.
 * Its characters follow the text policy of lib/comments/commentText.ts: a title of nothing but
 * zero-width characters is missing (`title_required`), one with a lone surrogate, a control, bidi
 * or invisible character is refused (`title_invalid`). Codes are `error.<code>` in the catalogue.
 */
import { z } from '../zodWithoutEval';
import { labelTextProblem } from '../comments/commentText';

export const TITLE_MAX_LENGTH = 120;

export const titleSchema = z
  .string({ error: 'title_required' })
  .trim()
  .min(1, 'title_required')
  .max(TITLE_MAX_LENGTH, 'title_too_long')
  .refine((title) => labelTextProblem(title) !== 'invalid', 'title_invalid')
  .refine((title) => labelTextProblem(title) !== 'required', 'title_required');

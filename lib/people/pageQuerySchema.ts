import { z } from '../zodWithoutEval';

/** A page of a list as a request asks for it; the error messages are codes (`error.<code>`). */
export const pageQuerySchema = z.object({
  query: z.string({ error: 'query_invalid' }).max(200, 'query_too_long').optional(),
  offset: z.number({ error: 'offset_invalid' }).int('offset_invalid').min(0, 'offset_invalid').max(1_000_000, 'offset_invalid').default(0),
  limit: z.number({ error: 'limit_invalid' }).int('limit_invalid').min(1, 'limit_invalid').max(100, 'limit_invalid').default(20),
});
export type PageQueryRequest = z.input<typeof pageQuerySchema>;

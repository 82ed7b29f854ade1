/**
 * The one shape of the comment write routes: same-origin check, the document id parsed (documentIdParam),
 * who acts (readParticipant), the JSON
 * body checked by `schema` (COMMENT_BODY_MAX_BYTES), then one call on the comment service, answered as
 * `{ comment, revision }` (writtenResponse; 201 with `created` when the write made something new).
 */
import type { z } from 'zod';
import type { CommentService, Written } from '../../lib/comments/CommentService';
import type { Participant } from '../../lib/comments/Participant';
import { COMMENT_BODY_MAX_BYTES } from '../../lib/comments/commentSchemas';
import type { DocumentId } from '../../lib/documentId';
import { getServices } from '../../lib/services';
import { documentIdParam } from './documentIdParam';
import { writtenResponse } from './commentResponses';
import { assertSameOrigin, handle, readJson } from './http';
import { readParticipant } from './readParticipant';

/** The route's params with its document `[id]`, if it has one, parsed (documentIdParam: a malformed one is "not found"). */
export type ParsedParams<P> = P extends { id: string } ? Omit<P, 'id'> & { readonly id: DocumentId } : P;

export type CommentWrite<P, S extends z.ZodType> = (
  comments: CommentService,
  who: Participant,
  params: ParsedParams<P>,
  input: z.output<S>,
) => Promise<Written>;

export function commentWrite<P extends object, S extends z.ZodType>(
  request: Request,
  context: { params: Promise<P> },
  schema: S,
  write: CommentWrite<P, S>,
  options: { created?: boolean } = {},
): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const raw = await context.params;
    const params = ('id' in raw && typeof raw.id === 'string' ? { ...raw, id: documentIdParam(raw.id) } : raw) as ParsedParams<P>;
    const who = await readParticipant(request);
    const input = await readJson(request, schema, COMMENT_BODY_MAX_BYTES);
    return writtenResponse(await write(getServices().comments, who, params, input), options.created ?? false);
  });
}

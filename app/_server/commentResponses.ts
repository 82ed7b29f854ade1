import type { Written } from '../../lib/comments/CommentService';

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** A comment write's answer: `{ comment, revision, refusedMentions? }`; 201 for something new, else 200. */
export function writtenResponse(written: Written, created = false): Response {
  return Response.json(
    {
      comment: written.comment,
      revision: written.revision,
      ...(written.refusedMentions !== undefined && { refusedMentions: written.refusedMentions }),
    },
    { status: created && written.changed ? 201 : 200, headers: NO_STORE },
  );
}

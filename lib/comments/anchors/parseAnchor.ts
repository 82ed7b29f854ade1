/**
 * Validation of anchors from untrusted clients. An anchor is exactly what anchorFromRange makes: two
 * relative positions in the body fragment (a type given by id or as the root 'default', an optional
 * item id, assoc 0 or -1; ids are non-negative safe integers) and a quote (exact: 1..2,000
 * characters with some non-whitespace; prefix and suffix: at most 64 each). Unknown keys are refused.
 * A well-formed anchor may still name ids the document does not know; resolveAnchor copes with that.
 */
import { z } from '../../zodWithoutEval';
import type { Anchor } from '../model';
import { BODY_FRAGMENT } from '../../protocol';
import { MAX_QUOTE_LENGTH } from './quoteLimits';

/** Longest prefix or suffix accepted (anchorFromRange writes at most QUOTE_CONTEXT = 32). */
export const MAX_QUOTE_CONTEXT = 64;

const idSchema = z.strictObject({
  client: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

const relativePositionSchema = z
  .strictObject({
    type: idSchema.optional(),
    tname: z.literal(BODY_FRAGMENT).optional(),
    item: idSchema.optional(),
    assoc: z.union([z.literal(0), z.literal(-1)]).optional(),
  })
  .refine((position) => (position.type === undefined) !== (position.tname === undefined), {
    message: 'a relative position names its type either by id or as the body fragment',
  });

export const anchorSchema = z.strictObject({
  start: relativePositionSchema,
  end: relativePositionSchema,
  quote: z.strictObject({
    prefix: z.string().max(MAX_QUOTE_CONTEXT),
    exact: z
      .string()
      .min(1)
      .max(MAX_QUOTE_LENGTH)
      .refine((exact) => /\S/.test(exact), { message: 'the quote holds no text' }),
    suffix: z.string().max(MAX_QUOTE_CONTEXT),
  }),
});

/** The anchor, if `json` is a well-formed one; `null` otherwise. */
export function parseAnchor(json: unknown): Anchor | null {
  const parsed = anchorSchema.safeParse(json);
  return parsed.success ? (parsed.data as Anchor) : null;
}

/**
 * One version as one file (FileVersionStore): JSON holding the summary, the idempotency key, the
 * content (the Yjs state in base64) and its contributors (absent in files from before), sealed with `digest`, the sha256 of the canonical JSON of
 * everything else. Reading checks the shape, the digest, the name it was found under and the
 * content hash, so a damaged file is refused rather than served as something it is not.
 */
import { createHash } from 'node:crypto';
import { z } from '../../lib/zodWithoutEval';
import { DOCUMENT_STATES } from '../../lib/access/model';
import { canonicalJson, contentHash } from '../../lib/versions/contentHash';
import { VERSION_KINDS, type NewVersion } from '../../lib/versions/model';
import type { JSONContent } from '@tiptap/core';
import { versionContributorsSchema } from '../../lib/versions/versionContributorsSchema';
import { copySummary } from './copyVersion';

const FORMAT = 'samskriv-version/1';

const fileSchema = z.strictObject({
  format: z.literal(FORMAT),
  documentId: z.string(),
  number: z.number().int().positive(),
  kind: z.enum(VERSION_KINDS),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
  publishedBy: z.strictObject({ id: z.string(), name: z.string() }),
  closesPhase: z.enum(DOCUMENT_STATES),
  hash: z.string(),
  idempotencyKey: z.string().nullable(),
  content: z.strictObject({
    yjsState: z.base64(),
    body: z.looseObject({ type: z.literal('doc') }),
    html: z.string(),
  }),
  // Absent in files written before contributors were recorded (and when none could be read).
  contributors: versionContributorsSchema.optional(),
  digest: z.string(),
});

type VersionFile = z.output<typeof fileSchema>;

const digestOf = (record: Omit<VersionFile, 'digest'>): string => createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');

export function encodeVersionFile(version: NewVersion): string {
  const record: Omit<VersionFile, 'digest'> = {
    format: FORMAT,
    ...copySummary(version),
    idempotencyKey: version.idempotencyKey,
    content: {
      yjsState: Buffer.from(version.content.yjsState).toString('base64'),
      body: version.content.body as VersionFile['content']['body'],
      html: version.content.html,
    },
    ...(version.contributors ? { contributors: version.contributors.map((contributor) => ({ ...contributor })) } : {}),
  };
  return JSON.stringify({ ...record, digest: digestOf(record) });
}

/** The version a file holds; throws a sentence saying what is wrong when it cannot be trusted. */
export function decodeVersionFile(text: string, expected: { documentId: string; number: number }): NewVersion {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON (a torn or damaged file)');
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a version file: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'unexpected shape'}`);
  }
  const { digest, ...record } = parsed.data;
  if (digestOf(record) !== digest) throw new Error('its digest does not match its content (the file was changed or damaged)');
  if (record.documentId !== expected.documentId || record.number !== expected.number)
    throw new Error(`it holds version ${record.number} of ${record.documentId}, not what its name says`);
  const body = record.content.body as JSONContent;
  if (contentHash(record.title, body) !== record.hash) throw new Error('its content hash does not match its title and body');
  return {
    documentId: record.documentId,
    number: record.number,
    kind: record.kind,
    title: record.title,
    summary: record.summary,
    publishedAt: record.publishedAt,
    publishedBy: record.publishedBy,
    closesPhase: record.closesPhase,
    hash: record.hash,
    idempotencyKey: record.idempotencyKey,
    content: { yjsState: new Uint8Array(Buffer.from(record.content.yjsState, 'base64')), body, html: record.content.html },
    ...(record.contributors ? { contributors: record.contributors } : {}),
  };
}

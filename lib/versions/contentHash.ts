/**
 * The content hash of a version: `sha256-<hex>` of the canonical JSON of `{ body, title }` (object
 * keys sorted at every level, arrays in order), so equal content hashes equal however its JSON was
 * built, and "nothing changed since version n" is one comparison.
 */
import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';

export function contentHash(title: string, body: JSONContent): string {
  return `sha256-${createHash('sha256').update(canonicalJson({ title, body }), 'utf8').digest('hex')}`;
}

/** JSON with object keys sorted; `undefined` members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

/**
 * A comment service over the real document service (memory stores), with a controllable clock and
 * a body of real Yjs content; participants for every kind of person the rules distinguish.
 */
import * as Y from 'yjs';
import type { ConsultationSettings, DocumentState, Grant, PersonActor, PlatformRole, Visibility } from '../../../lib/access/model';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import { FixedWindowLimiter } from '../../../lib/apiKeys/FixedWindowLimiter';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { createCommentService, type CommentService, type CommentServiceOptions } from '../../../lib/comments/CommentService';
import type { Anchor } from '../../../lib/comments/model';
import type { Participant } from '../../../lib/comments/Participant';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { MemoryCommentStore } from '../../../server/comments/MemoryCommentStore';
import { createDocumentService, type ClosableDocumentService } from '../../../server/documents/createDocumentService';
import { MemoryDocumentStore } from '../../../server/storage/MemoryDocumentStore';
import { MemoryMetadataStore } from '../../../server/storage/MemoryMetadataStore';
import type { DocumentId } from '../../../lib/documentId';

export const BODY_TEXT = ['Fællesspisning', 'Vi vil spise sammen hver uge i Kulturhuset.', 'Alle er velkomne, også børn.'];

export const person = (
  id: string,
  options: { role?: PlatformRole; organisationIds?: string[]; name?: string; organisation?: { id: string; name: string } } = {},
): Participant => ({
  kind: 'person',
  actor: {
    kind: 'person',
    id,
    role: options.role ?? 'citizen',
    disabled: false,
    organisationIds: options.organisationIds ?? [],
    workspaceIds: [],
  } satisfies PersonActor,
  name: options.name ?? id,
  organisation: options.organisation ?? null,
  ip: '10.0.0.1',
});
export const guest = (id: string, displayName = 'Gæst', ip = '10.0.0.9'): Participant => ({
  kind: 'guest',
  actor: { kind: 'guest', id, displayName },
  ip,
});
export const anonymous: Participant = { kind: 'anonymous', ip: '10.0.0.8' };

export const owner = person('p_owner', { name: 'Olga Ejer' });
export const editor = person('p_editor', { name: 'Erik Redaktør', role: 'staff' });
export const commenter = person('p_commenter', { name: 'Carl Kommentator' });
export const citizen = person('p_citizen', { name: 'Karen Borger' });
export const citizen2 = person('p_citizen2', { name: 'Bo Borger' });
export const moderator = person('p_moderator', { name: 'Mona Moderator', role: 'moderator' });
export const admin = person('p_admin', { name: 'Ada Admin', role: 'admin' });
export const orgRep = person('p_rep', {
  name: 'Rikke Repræsentant',
  role: 'org_rep',
  organisationIds: ['o_groen'],
  organisation: { id: 'o_groen', name: 'Grønne Hjerter' },
});

const DEFAULT_BLOCKS: readonly { readonly heading?: number; readonly text: string }[] = [
  { heading: 1, text: BODY_TEXT[0]! },
  ...BODY_TEXT.slice(1).map((text) => ({ text })),
];

export const GRANTS: readonly Grant[] = [
  { subject: 'person', personId: 'p_owner', role: 'owner' },
  { subject: 'person', personId: 'p_editor', role: 'editor' },
  { subject: 'person', personId: 'p_commenter', role: 'commenter' },
];

export interface CommentFixture {
  readonly service: CommentService;
  readonly documents: ClosableDocumentService;
  readonly store: MemoryCommentStore;
  readonly bodies: MemoryDocumentStore;
  /** The service's clock. */
  now: Date;
  /** Every (documentId, revision) the service announced. */
  readonly changes: [string, number][];
  document(options?: {
    state?: DocumentState;
    visibility?: Visibility;
    consultation?: Partial<ConsultationSettings>;
    grants?: readonly Grant[];
    /** The body's blocks (a heading when `heading` gives its level); BODY_TEXT's otherwise. */
    blocks?: readonly { readonly heading?: number; readonly text: string }[];
  }): Promise<DocumentId>;
  /** The current body as a fresh Y.Doc. */
  body(documentId: string): Promise<Y.Doc>;
  /** An anchor on the first occurrence of `text` in the body now. */
  anchor(documentId: string, text: string): Promise<Anchor>;
  /** Deletes the first occurrence of `text` from the body (as an editor's edit would). */
  deleteText(documentId: string, text: string): Promise<void>;
  /** Replaces the first occurrence of `text` in the body with `replacement`, as accepting a suggestion in the editor does. */
  replaceText(documentId: string, text: string, replacement: string): Promise<void>;
}

export async function commentFixture(
  options: { personLimit?: number; guestLimit?: number } & Pick<
    CommentServiceOptions,
    'versionsOf' | 'organisationName' | 'versionBody' | 'notify' | 'mentions'
  > = {},
): Promise<CommentFixture> {
  const bodies = new MemoryDocumentStore();
  const metadata = new MemoryMetadataStore();
  const fixture = { now: new Date('2027-03-05T12:00:00.000Z') } as CommentFixture;
  const clock = () => fixture.now;
  const documents = createDocumentService({ store: bodies, metadata, now: clock, touchDelayMs: 5 });
  const store = new MemoryCommentStore();
  async function body(documentId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const update of (await bodies.load(documentId)) ?? []) Y.applyUpdate(doc, update);
    return doc;
  }
  const service = createCommentService({
    store,
    documents,
    loadBody: body,
    limits: {
      person: new FixedWindowLimiter(options.personLimit ?? 20, 60_000, () => clock().getTime()),
      guestIp: new FixedWindowLimiter(options.guestLimit ?? 10, 60_000, () => clock().getTime()),
    },
    now: clock,
    ...(options.versionsOf && { versionsOf: options.versionsOf }),
    ...(options.organisationName && { organisationName: options.organisationName }),
    ...(options.versionBody && { versionBody: options.versionBody }),
    ...(options.notify && { notify: options.notify }),
    ...(options.mentions && { mentions: options.mentions }),
  });
  const changes: [string, number][] = [];
  service.onChanged((id, revision) => changes.push([id, revision]));
  let count = 0;
  return Object.assign(fixture, {
    service,
    documents,
    store,
    bodies,
    changes,
    body,
    async document(spec: Parameters<CommentFixture['document']>[0] = {}) {
      count += 1;
      const meta = await documents.createWithContent(
        {
          id: `dok-${count}`,
          title: 'Fællesspisning',
          template: 'blank',
          createdBy: { id: 'p_owner', name: 'Olga Ejer' },
          visibility: spec.visibility ?? 'public',
        },
        {
          type: 'doc',
          content: (spec.blocks ?? DEFAULT_BLOCKS).map((block) =>
            block.heading
              ? { type: 'heading', attrs: { level: block.heading }, content: [{ type: 'text', text: block.text }] }
              : { type: 'paragraph', content: [{ type: 'text', text: block.text }] },
          ),
        },
      );
      await documents.setGrants(meta.id, spec.grants ?? GRANTS);
      await documents.setConsultation(meta.id, { ...DEFAULT_CONSULTATION, ...spec.consultation });
      await documents.setState(meta.id, spec.state ?? 'consultation');
      return meta.id as DocumentId;
    },
    async anchor(documentId: string, text: string) {
      const doc = await body(documentId);
      const plain = documentText(doc.getXmlFragment(BODY_FRAGMENT)).text;
      const from = plain.indexOf(text);
      if (from < 0) throw new Error(`no "${text}" in the body`);
      const anchor = anchorFromRange(doc, from, from + text.length);
      doc.destroy();
      return anchor;
    },
    async replaceText(documentId: string, text: string, replacement: string) {
      const doc = await body(documentId);
      const before = Y.encodeStateVector(doc);
      const found = doc
        .getXmlFragment(BODY_FRAGMENT)
        .toArray()
        .map((block) => (block as Y.XmlElement).firstChild as Y.XmlText | null)
        .find((xmlText) => xmlText !== null && xmlText.toString().includes(text));
      if (!found) throw new Error(`no "${text}" to replace`);
      // Only the part that differs, as y-prosemirror writes an editor's replacement (common ends kept).
      let head = 0;
      while (head < text.length && head < replacement.length && text[head] === replacement[head]) head += 1;
      let tail = 0;
      while (tail < text.length - head && tail < replacement.length - head && text.at(-1 - tail) === replacement.at(-1 - tail)) tail += 1;
      const at = found.toString().indexOf(text) + head;
      doc.transact(() => {
        found.delete(at, text.length - head - tail);
        found.insert(at, replacement.slice(head, replacement.length - tail));
      });
      await bodies.append(documentId, Y.encodeStateAsUpdate(doc, before));
      doc.destroy();
    },
    async deleteText(documentId: string, text: string) {
      const doc = await body(documentId);
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment(BODY_FRAGMENT);
      let done = false;
      for (const block of fragment.toArray()) {
        const xmlText = (block as Y.XmlElement).firstChild as Y.XmlText | null;
        const at = xmlText?.toString().indexOf(text) ?? -1;
        if (xmlText && at >= 0 && !done) {
          xmlText.delete(at, text.length);
          done = true;
        }
      }
      if (!done) throw new Error(`no "${text}" to delete`);
      await bodies.append(documentId, Y.encodeStateAsUpdate(doc, before));
      doc.destroy();
    },
  });
}

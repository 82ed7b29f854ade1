/**
 * `npm run seed:load -- --database-url URL`: a small data set seeded into an empty PostgreSQL
 * database (schema migrated by the seeder, as a server start does) and read back through the
 * PostgreSQL stores: the people, documents with their text, and comments whose anchors resolve on
 * that text; a database that holds data is refused unless --append.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentText } from '../../lib/comments/anchors/documentText';
import { resolveAnchors } from '../../lib/comments/anchors/resolveAnchor';
import type { Anchor } from '../../lib/comments/model';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { SEED_ADMIN_EMAIL } from '../../bench/seed/generateLoad';
import { parseSeedCommand, runSeedCommand } from '../../bench/seed/seedCommand';
import { PgAccountStore } from '../../server/postgres/PgAccountStore';
import { PgCommentStore } from '../../server/postgres/PgCommentStore';
import { PgDocumentStore } from '../../server/postgres/PgDocumentStore';
import { PgMetadataStore } from '../../server/postgres/PgMetadataStore';
import { freshDatabase } from '../helpers/freshDatabase';

const database = await freshDatabase({ migrate: false });
const args = ['--people', '40', '--documents', '6', '--comments', '60', '--seed', '5', '--database-url', database.url];

describe('seed:load --database-url', () => {
  it('seeds an empty database that the PostgreSQL stores then serve, and refuses to seed it again', async () => {
    const summary = await runSeedCommand(parseSeedCommand(args));
    expect(summary).toMatchObject({ people: 40, documents: 6, comments: 60 });

    const accounts = new PgAccountStore(database.pool);
    expect((await accounts.listPeople({ offset: 0, limit: 1 })).total).toBe(40);
    expect(await accounts.getPersonByEmail(SEED_ADMIN_EMAIL)).toMatchObject({ role: 'admin' });
    const documents = await new PgMetadataStore(database.pool).listDocuments();
    expect(documents).toHaveLength(6);
    const bodies = new PgDocumentStore(database.pool);
    const comments = new PgCommentStore(database.pool);
    let listed = 0;
    for (const meta of documents) {
      const doc = new Y.Doc();
      for (const update of (await bodies.load(meta.id))!) Y.applyUpdate(doc, update);
      // The title lives in the document's metadata: the body starts with its text, headings at level 2.
      const body = doc.getXmlFragment(BODY_FRAGMENT);
      expect(documentText(body).text.length).toBeGreaterThan(40);
      expect(documentText(body).text.startsWith(meta.title)).toBe(false);
      const first = body.get(0) as Y.XmlElement;
      expect([first.nodeName, first.getAttribute('level')]).toEqual(['heading', 2]);
      const stored = (await comments.read(meta.id)).comments;
      const anchors = stored.flatMap((comment) => (comment.anchor ? [comment.anchor as Anchor] : []));
      for (const passage of resolveAnchors(doc, anchors)) expect(passage.status).toBe('anchored');
      listed += stored.length;
      doc.destroy();
    }
    expect(listed).toBe(60);

    await expect(runSeedCommand(parseSeedCommand(args))).rejects.toMatchObject({ code: 'not_empty' });
  });
});

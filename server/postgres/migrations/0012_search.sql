-- Search (issue 14): one row per indexed entry (a document's title and body, or one comment's words),
-- searched with PostgreSQL's `danish` text search configuration: the title weighs A, the text B, one
-- GIN index over the vector. Each node writes the rows for the edits it stores. `search_marks` says
-- per document what was indexed (the body's updatedAt, the comment revision), for a start to catch up.
CREATE TABLE search_entries (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('document', 'comment', 'post')),
  document_id text NOT NULL,
  comment_id text,
  title text NOT NULL DEFAULT '',
  body text NOT NULL,
  workspace_id text,
  state text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  hidden boolean NOT NULL DEFAULT false,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('danish'::regconfig, title), 'A') || setweight(to_tsvector('danish'::regconfig, body), 'B')
  ) STORED
);
CREATE INDEX search_entries_search ON search_entries USING gin (search);
CREATE INDEX search_entries_document ON search_entries (document_id);

CREATE TABLE search_marks (
  document_id text PRIMARY KEY,
  updated_at text NOT NULL DEFAULT '',
  comments_revision integer NOT NULL DEFAULT 0
);

-- Published versions (issue 9): one row per version, written once and never changed. Numbers are
-- per document and never reused (the primary key refuses a second row with the same number, so two
-- nodes publishing at once cannot both take it); an idempotency key makes at most one version.
CREATE TABLE document_versions (
  document_id text COLLATE "C" NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('consultation_draft', 'published')),
  title text NOT NULL,
  summary text NOT NULL,
  published_at text COLLATE "C" NOT NULL,
  published_by jsonb NOT NULL,
  closes_phase text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  idempotency_key text COLLATE "C",
  yjs_state bytea NOT NULL,
  body jsonb NOT NULL,
  html text NOT NULL,
  PRIMARY KEY (document_id, number),
  CONSTRAINT document_versions_idempotency_key UNIQUE (document_id, idempotency_key)
);
-- Feeds: the newest versions of a kind across documents.
CREATE INDEX document_versions_recent ON document_versions (kind, published_at DESC, document_id, number DESC);

-- Samskriv's first schema: everything durable when DATABASE_URL is set. Timestamps are kept as the
-- ISO 8601 strings the application writes (so they read back exactly); ids and other keys compare
-- bytewise (COLLATE "C"), names in Danish order (the ICU collation below).

CREATE COLLATION IF NOT EXISTS samskriv_da (provider = icu, locale = 'da');

-- Document bodies: Yjs updates appended per document (the log), and one snapshot per document that
-- replaces the records a compaction covered. `writer` tells which store instance (node) appended a
-- record, so a compaction on one node never drops what another node wrote but it has not seen.
CREATE TABLE document_updates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id text COLLATE "C" NOT NULL,
  writer uuid NOT NULL,
  data bytea NOT NULL
);
CREATE INDEX document_updates_by_document ON document_updates (document_id, id);

CREATE TABLE document_snapshots (
  document_id text COLLATE "C" PRIMARY KEY,
  -- Bumped by every compaction; a node that knows the current generation knows the snapshot's content.
  generation bigint NOT NULL,
  writer uuid NOT NULL,
  data bytea NOT NULL
);

-- Document metadata (the start page's list and each document's access resource).
CREATE TABLE documents (
  id text COLLATE "C" PRIMARY KEY,
  created_at text NOT NULL,
  meta jsonb NOT NULL
);

-- Comments: one row per document holds its revision and is the lock of every change to its comments.
CREATE TABLE comment_documents (
  document_id text COLLATE "C" PRIMARY KEY,
  revision bigint NOT NULL
);
CREATE TABLE comments (
  id text COLLATE "C" PRIMARY KEY,
  document_id text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  -- When its oldest report not yet handled was made; null without one (the moderation queue).
  open_report_since text COLLATE "C",
  data jsonb NOT NULL
);
CREATE INDEX comments_by_document ON comments (document_id, created_at, id);
CREATE INDEX comments_reported ON comments (open_report_since, created_at, id) WHERE open_report_since IS NOT NULL;
CREATE TABLE moderation_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text COLLATE "C" NOT NULL,
  document_id text COLLATE "C" NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX moderation_log_by_document ON moderation_log (document_id, seq);

-- People, organisations, workspaces, sessions and one-time tokens.
CREATE TABLE people (
  id text COLLATE "C" PRIMARY KEY,
  email text COLLATE "C" NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  disabled boolean NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX people_by_name ON people ((name COLLATE samskriv_da), id);
CREATE INDEX people_active_admins ON people (id) WHERE role = 'admin' AND NOT disabled;

CREATE TABLE organisations (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  cvr text,
  created_at text NOT NULL
);
CREATE TABLE memberships (
  person_id text COLLATE "C" NOT NULL REFERENCES people (id),
  organisation_id text COLLATE "C" NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (person_id, organisation_id)
);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);

CREATE TABLE workspaces (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  description text,
  created_at text NOT NULL
);
CREATE TABLE workspace_members (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id),
  person_id text COLLATE "C" NOT NULL REFERENCES people (id),
  -- Members are listed in the order they were added.
  position bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (workspace_id, person_id)
);
CREATE INDEX workspace_members_by_person ON workspace_members (person_id);

CREATE TABLE sessions (
  id_hash text COLLATE "C" PRIMARY KEY,
  person_id text COLLATE "C" NOT NULL REFERENCES people (id),
  created_at text NOT NULL,
  last_seen_at text NOT NULL,
  expires_at text NOT NULL,
  -- Absent (false), or set: to an organisation id or to null ("as myself").
  acting_for_set boolean NOT NULL DEFAULT false,
  acting_for_organisation_id text
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE one_time_tokens (
  hash text COLLATE "C" PRIMARY KEY,
  purpose text NOT NULL,
  person_id text,
  expires_at text NOT NULL,
  used_at text
);

-- Invite links and co-author requests.
CREATE TABLE invites (
  id text COLLATE "C" PRIMARY KEY,
  document_id text COLLATE "C" NOT NULL,
  token_hash text COLLATE "C" NOT NULL,
  role text NOT NULL,
  created_by text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  expires_at text NOT NULL,
  revoked_at text,
  uses integer NOT NULL
);
CREATE INDEX invites_by_document ON invites (document_id, created_at, id);
CREATE INDEX invites_by_token_hash ON invites (token_hash);

CREATE TABLE coauthor_requests (
  id text COLLATE "C" PRIMARY KEY,
  document_id text COLLATE "C" NOT NULL,
  person_id text COLLATE "C" NOT NULL,
  message text NOT NULL,
  state text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  decided_at text,
  decided_by text
);
CREATE INDEX coauthor_requests_by_document ON coauthor_requests (document_id, created_at, id);
-- One pending request per person and document, also under concurrent requests.
CREATE UNIQUE INDEX coauthor_requests_one_pending ON coauthor_requests (document_id, person_id) WHERE state = 'pending';

-- API keys for other platforms (only their SHA-256 is stored).
CREATE TABLE api_keys (
  id text COLLATE "C" PRIMARY KEY,
  hash text COLLATE "C" NOT NULL UNIQUE,
  name text NOT NULL,
  prefix text NOT NULL,
  scopes jsonb NOT NULL,
  created_by text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  revoked_at text
);

-- Things done once per installation, not once per node (the demo documents): claimed by the first node.
CREATE TABLE installation_steps (
  name text COLLATE "C" PRIMARY KEY,
  done_at timestamptz NOT NULL DEFAULT now()
);

-- In-app notifications (issue 12): one row per person and event (the unique key refuses a second,
-- so a retried or doubled event never notifies anyone twice, on any node). `data` holds the facts
-- the sentence needs (who acted, which version …), never the sentence: it is rendered when shown.
CREATE TABLE notifications (
  id text COLLATE "C" PRIMARY KEY,
  person_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  document_id text COLLATE "C" NOT NULL,
  event_id text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  read_at text COLLATE "C",
  data jsonb NOT NULL,
  CONSTRAINT notifications_one_per_event UNIQUE (person_id, event_id)
);
-- A person's list, newest first, and their unread ones.
CREATE INDEX notifications_by_person ON notifications (person_id, at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (person_id, at DESC, id DESC) WHERE read_at IS NULL;

-- Who follows which document: one row per person and document; `following = false` is an explicit
-- unfollow (owners and creators follow implicitly until they unfollow), `auto` set by commenting.
CREATE TABLE document_follows (
  person_id text COLLATE "C" NOT NULL,
  document_id text COLLATE "C" NOT NULL,
  following boolean NOT NULL,
  auto boolean NOT NULL,
  at text COLLATE "C" NOT NULL,
  PRIMARY KEY (person_id, document_id)
);
CREATE INDEX document_follows_by_document ON document_follows (document_id);

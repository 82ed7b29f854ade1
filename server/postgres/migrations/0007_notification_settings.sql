-- E-mailed notifications (issue 12): each person's frequencies, the queue of notifications waiting
-- to be mailed (one row per person and event, taken by one sender at a time through its lease), and
-- the digests (one row per person and period: two nodes sweeping at once make one digest). Each row
-- keeps its whole record in `data`; the columns beside it are what the queries choose by.
CREATE TABLE notification_settings (
  person_id text COLLATE "C" PRIMARY KEY,
  updated_at text COLLATE "C" NOT NULL,
  data jsonb NOT NULL
);

CREATE TABLE notification_mail_queue (
  person_id text COLLATE "C" NOT NULL,
  event_id text COLLATE "C" NOT NULL,
  mode text COLLATE "C" NOT NULL CHECK (mode IN ('immediate', 'digest')),
  state text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'sent', 'dropped', 'failed')),
  queued_at text COLLATE "C" NOT NULL,
  next_attempt_at text COLLATE "C" NOT NULL,
  lease_until text COLLATE "C",
  done_at text COLLATE "C",
  data jsonb NOT NULL,
  PRIMARY KEY (person_id, event_id)
);
CREATE INDEX notification_mail_queue_pending ON notification_mail_queue (mode, queued_at) WHERE state = 'pending';

CREATE TABLE notification_digests (
  person_id text COLLATE "C" NOT NULL,
  period text COLLATE "C" NOT NULL,
  state text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'sent', 'dropped', 'failed')),
  created_at text COLLATE "C" NOT NULL,
  next_attempt_at text COLLATE "C" NOT NULL,
  lease_until text COLLATE "C",
  done_at text COLLATE "C",
  data jsonb NOT NULL,
  PRIMARY KEY (person_id, period)
);
CREATE INDEX notification_digests_pending ON notification_digests (created_at) WHERE state = 'pending';

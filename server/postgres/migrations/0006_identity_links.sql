-- Single sign-on (issue 12): which person an account at an OpenID provider signs in as. One row per
-- provider and `sub` (the primary key refuses a second link of the same `sub`); later sign-ins go by
-- it, never by e-mail. Removed with the person.
CREATE TABLE identity_links (
  provider_id text COLLATE "C" NOT NULL,
  subject text COLLATE "C" NOT NULL,
  person_id text COLLATE "C" NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  email text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  last_used_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (provider_id, subject)
);
CREATE INDEX identity_links_by_person ON identity_links (person_id);

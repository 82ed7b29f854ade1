-- Scale-out: an update is stored, then published on the Redis stream. `relayed` is false from the
-- store until the publish is confirmed; the live nodes publish what stays false for long (its node
-- died in between) (lib/sync/RelayLedger.ts). Rows written before this migration, and by nodes
-- without REDIS_URL, count as published.
ALTER TABLE document_updates ADD COLUMN relayed boolean NOT NULL DEFAULT true;
ALTER TABLE document_updates ADD COLUMN stored_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX document_updates_unrelayed ON document_updates (id) WHERE NOT relayed;

-- Bumped by a compaction that replaces the history (a reset: the store had not loaded the document);
-- a compaction from a room that loaded an earlier history is dropped (PgDocumentStore).
ALTER TABLE document_snapshots ADD COLUMN history bigint NOT NULL DEFAULT 0;

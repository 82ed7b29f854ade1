-- Attributed history (issue 12): who made each stored update, in the same row as the update, and
-- the folded attribution of what a snapshot replaced, in the same row as the snapshot (see
-- lib/authorship). NULL: stored before attribution existed (shown as unknown).
ALTER TABLE document_updates ADD COLUMN attribution bytea;
ALTER TABLE document_snapshots ADD COLUMN attribution bytea;

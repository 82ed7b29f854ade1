-- Removing organisations (issue 13): a removed organisation stays as a tombstone that keeps its
-- name for what was written on its behalf (attribution, comments); NULL: a live organisation.
ALTER TABLE organisations ADD COLUMN removed_at text;

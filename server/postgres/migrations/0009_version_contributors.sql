-- The people around a document (issue 12): who wrote a published version's text, frozen with it
-- (JSON array of { kind, personId, name, organisation }, most text first), so its page and exports
-- need no history. NULL: stored before contributors were recorded (the page works them out).
ALTER TABLE document_versions ADD COLUMN contributors jsonb;

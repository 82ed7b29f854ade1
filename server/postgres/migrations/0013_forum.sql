-- The knowledge forum (issue 14): a workspace is a team's ('team', every workspace so far) or a
-- forum of posts ('forum'). A post's type, tags and supporters live in the document's meta JSON.
ALTER TABLE workspaces ADD COLUMN kind text NOT NULL DEFAULT 'team' CHECK (kind IN ('team', 'forum'));

-- Self-service accounts (issue 12): each session keeps the browser's User-Agent from sign-in, so a
-- person can tell their sessions apart on /konto (no IP address is kept).
ALTER TABLE sessions ADD COLUMN user_agent text;

-- The language a person chose (issue: language as a person's choice): 'da' or 'en'; NULL: never
-- chose (pages follow the browser's language, e-mails are Danish).
ALTER TABLE people ADD COLUMN locale text CHECK (locale IN ('da', 'en'));

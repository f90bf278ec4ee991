-- 0035_languages: the languages a site publishes in besides Vietnamese (#16), their codes
-- separated by spaces ("en km"). Vietnamese is always on and never listed.
ALTER TABLE sites ADD COLUMN languages TEXT NOT NULL DEFAULT '';

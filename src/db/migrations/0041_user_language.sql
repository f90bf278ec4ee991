-- 0041_user_language: the language an account reads the admin in (#16): a code of a loaded
-- locale ("en", "km"), '' for Vietnamese. The reminder mails it receives follow it.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT '';

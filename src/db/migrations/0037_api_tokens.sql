-- 0037_api_tokens: per-site tokens of the JSON API's writes (#16, docs/api.md). A token acts as
-- its own account (user_id: a disabled account without a password, which no one can sign in to)
-- so that what it writes is owned, revised and audited like an editor's work; its role is held
-- here, not in roles, so that it is never offered among the site's people. Only the hash of the
-- secret is kept (model/token.c); key_id is the public half of the token, for the lookup.
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  user_id      INTEGER NOT NULL UNIQUE REFERENCES users(id),
  name         TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('siteadmin', 'approver', 'editor', 'reporter')),
  key_id       TEXT NOT NULL UNIQUE,
  secret_hash  TEXT NOT NULL,
  created_by   INTEGER REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER,
  revoked_by   INTEGER REFERENCES users(id)
);
CREATE INDEX api_tokens_site ON api_tokens(site_id, created_at);

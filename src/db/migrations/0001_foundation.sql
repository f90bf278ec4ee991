-- 0001_foundation: sites, accounts, sessions, categories, articles, media, settings, audit.
-- Portable SQL (SQLite and PostgreSQL share it): integer keys, integer Unix times (UTC).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE sites (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  parent_id   INTEGER REFERENCES sites(id),
  kind        TEXT NOT NULL CHECK (kind IN ('main', 'department', 'district', 'commune')),
  name        TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  short_name  TEXT NOT NULL DEFAULT '',
  owner       TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  fax         TEXT NOT NULL DEFAULT '',
  responsible TEXT NOT NULL DEFAULT '',
  licence     TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);

-- Extra host names a site answers on, besides <slug>.<base> (and <base>, www.<base> for main).
CREATE TABLE site_domains (
  domain  TEXT PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites(id)
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  must_change   INTEGER NOT NULL DEFAULT 1,
  is_sysadmin   INTEGER NOT NULL DEFAULT 0,
  disabled      INTEGER NOT NULL DEFAULT 0,
  password_changed_at INTEGER NOT NULL,
  created_at    INTEGER NOT NULL
);

-- One role per account and site; the workflow issue widens the set of roles.
CREATE TABLE roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  site_id INTEGER NOT NULL REFERENCES sites(id),
  role    TEXT NOT NULL CHECK (role IN ('siteadmin', 'approver', 'editor', 'reporter')),
  PRIMARY KEY (user_id, site_id)
);

-- Sessions are looked up by the hash of the cookie value; the cookie itself is never stored.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  seen_at    INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE categories (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  parent_id   INTEGER REFERENCES categories(id),
  name        TEXT NOT NULL,
  slug        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, slug)
);

CREATE TABLE media (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  sha256     TEXT NOT NULL,
  mime       TEXT NOT NULL,
  ext        TEXT NOT NULL,
  size       INTEGER NOT NULL,
  width      INTEGER NOT NULL DEFAULT 0,
  height     INTEGER NOT NULL DEFAULT 0,
  orig_name  TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX media_site ON media(site_id);

-- state grows with the workflow: 'draft' and 'published' now.
CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  category_id  INTEGER NOT NULL REFERENCES categories(id),
  state        TEXT NOT NULL DEFAULT 'draft',
  title        TEXT NOT NULL,
  slug         TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL DEFAULT '',
  author       TEXT NOT NULL DEFAULT '',
  cover_id     INTEGER REFERENCES media(id),
  cover_alt    TEXT NOT NULL DEFAULT '',
  featured     INTEGER NOT NULL DEFAULT 0,
  src_author   TEXT NOT NULL DEFAULT '',
  src_name     TEXT NOT NULL DEFAULT '',
  src_url      TEXT NOT NULL DEFAULT '',
  src_time     INTEGER,
  published_at INTEGER,
  created_by   INTEGER REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX articles_public ON articles(site_id, state, published_at);
CREATE INDEX articles_category ON articles(category_id, state, published_at);
CREATE INDEX articles_state ON articles(state, published_at);

CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  user_id   INTEGER,
  site_id   INTEGER,
  action    TEXT NOT NULL,
  object    TEXT NOT NULL DEFAULT '',
  detail    TEXT NOT NULL DEFAULT '',
  address   TEXT NOT NULL DEFAULT ''
);

-- 0028_links_nav: the dead-link check of the links kind (docs/links.md) and the sections a site
-- shows in its menu and on its home page.

-- The newest check of each published link (kind 'link'): kept across restarts; a link is
-- broken while its newest check failed. URL is the address checked (a link whose address
-- changes is checked again). STATUS the final HTTP status (0: none, the transfer failed),
-- ERROR a message key of locale/vi.json ("" when it answered well), FAILS how many checks in a
-- row failed.
CREATE TABLE link_checks (
  item_id    INTEGER PRIMARY KEY REFERENCES items(id),
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  url        TEXT NOT NULL,
  ok         INTEGER NOT NULL CHECK (ok IN (0, 1)),
  status     INTEGER NOT NULL DEFAULT 0,
  error      TEXT NOT NULL DEFAULT '',
  detail     TEXT NOT NULL DEFAULT '',
  fails      INTEGER NOT NULL DEFAULT 0,
  checked_at INTEGER NOT NULL,
  last_ok_at INTEGER
);
CREATE INDEX link_checks_site ON link_checks(site_id, ok);

-- The kinds a site shows as sections of its main menu and home page, in order (a
-- comma-separated list of kind names: model/kinds.c). No row: every declared kind.
CREATE TABLE site_sections (
  site_id    INTEGER PRIMARY KEY REFERENCES sites(id),
  kinds      TEXT NOT NULL,
  updated_by INTEGER,
  updated_at INTEGER NOT NULL
);

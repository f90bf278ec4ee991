-- 0039_extfeeds: sites hosted elsewhere whose feeds the main portal pulls (VL Đ33, #16;
-- docs/external-feeds.md).

-- An external site: a unit's site hosted elsewhere, registered by the main portal's
-- administrators. UNIT_SITE_ID: the portal's site of the unit it belongs to, when it has one.
-- The pull's state: ETAG and LAST_MODIFIED of the last good answer (conditional GET),
-- PULL_ASKED 1 while an administrator's "pull now" waits for the scheduler, LAST_PULL_AT the
-- last attempt, LAST_OK_AT the last good one, LAST_ERROR a message key of
-- locale/vi/extfeeds.json ("" when the last attempt was good) with DETAIL (libcurl's or the
-- parser's words) and LAST_ERROR_AT, FAILS how many attempts in a row failed.
CREATE TABLE ext_sites (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  unit_site_id  INTEGER REFERENCES sites(id),
  home_url      TEXT NOT NULL,
  feed_url      TEXT NOT NULL,
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  pull_asked    INTEGER NOT NULL DEFAULT 1,
  last_pull_at  INTEGER NOT NULL DEFAULT 0,
  last_ok_at    INTEGER,
  last_error    TEXT NOT NULL DEFAULT '',
  last_detail   TEXT NOT NULL DEFAULT '',
  last_error_at INTEGER,
  fails         INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

-- The items read from their feeds (a bounded number per site, the newest kept). GUID: the
-- feed's id of the item, else its link; PUBLISHED_AT the feed's date, else when first seen.
-- Texts are plain (the summary is our sanitizer's text of the feed's HTML), links http(s).
CREATE TABLE ext_items (
  id           INTEGER PRIMARY KEY,
  ext_site_id  INTEGER NOT NULL REFERENCES ext_sites(id),
  guid         TEXT NOT NULL,
  link         TEXT NOT NULL,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '',
  author       TEXT NOT NULL DEFAULT '',
  image        TEXT NOT NULL DEFAULT '',
  published_at INTEGER NOT NULL,
  seen_at      INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  UNIQUE (ext_site_id, guid)
);
CREATE INDEX ext_items_published ON ext_items(published_at, id);

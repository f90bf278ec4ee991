-- 0025_statistics_access: statistics tables as read from their uploaded files, and each site's
-- access-to-information section (Luật Tiếp cận thông tin 2016 Đ19): its contact point and the
-- forms of Nghị định 13/2018/NĐ-CP chosen from the library. docs/statistics.md.

-- A statistics table read, checked and normalised (import/stattable.h) from a library file,
-- by the file's content: the same bytes give the same table, whichever item or site uses them.
-- Written by the statistics kind's check when an item is saved with the file; only tables that
-- passed the checks are kept.
CREATE TABLE stat_tables (
  sha256     TEXT PRIMARY KEY,
  format     TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  ncols      INTEGER NOT NULL,
  nrows      INTEGER NOT NULL,
  data       TEXT NOT NULL,   -- {"columns": [{"name", "numeric"}], "rows": [[text or null, …]]}
  created_at INTEGER NOT NULL
);

-- The contact point that receives requests for information (Đ19.1 and ND 13/2018), one per site,
-- edited by the site's administrators; and a short guide in plain text.
CREATE TABLE access_info (
  site_id     INTEGER PRIMARY KEY REFERENCES sites(id),
  unit        TEXT NOT NULL DEFAULT '',
  person      TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  hours       TEXT NOT NULL DEFAULT '',
  request_url TEXT NOT NULL DEFAULT '',
  guide       TEXT NOT NULL DEFAULT '',
  updated_by  INTEGER,
  updated_at  INTEGER
);

-- The forms (Mẫu số 01a, 01b, 02–06 of ND 13/2018) as library files the site picked; a file used
-- here cannot be removed from the library.
CREATE TABLE access_forms (
  site_id  INTEGER NOT NULL REFERENCES sites(id),
  form     TEXT NOT NULL CHECK (form IN ('01a', '01b', '02', '03', '04', '05', '06')),
  media_id INTEGER NOT NULL REFERENCES media(id),
  PRIMARY KEY (site_id, form)
);
CREATE INDEX access_forms_media ON access_forms (media_id);

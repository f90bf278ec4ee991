-- 0049_reports: periodic reports signed off (VL Đ31, ĐT Đ24.7, TQ Đ12.8, VP Đ17; docs/reports.md).
-- A report of a closed period, once frozen, is kept here as the JSON it was when it was signed
-- off, and shown from here ever after, never computed again. A frozen report is never changed
-- nor removed: a correction is a new VERSION of the same site and period, with its NOTE.
-- SITE_ID 0 is the province's report (every site); PERIOD is its code: "2026-q1", "2026-h2",
-- "2026".
CREATE TABLE reports (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL,
  period     TEXT NOT NULL,
  version    INTEGER NOT NULL,
  data       TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  frozen_by  INTEGER REFERENCES users(id),
  frozen_at  INTEGER NOT NULL,
  UNIQUE (site_id, period, version)
);

-- 0018_operations: planned maintenance notices (ND 224/2025 Đ13) and incidents (VL Đ18, TQ Đ9).

-- An announced outage. The public pages show it from show_from (MAINT_NOTICE_DAYS working
-- days before starts_at, computed when it is made) until ends_at, unless it is cancelled.
CREATE TABLE maintenance (
  id           INTEGER PRIMARY KEY,
  starts_at    INTEGER NOT NULL,
  ends_at      INTEGER NOT NULL,
  show_from    INTEGER NOT NULL,
  message      TEXT NOT NULL,
  created_by   INTEGER REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  cancelled_at INTEGER,
  cancelled_by INTEGER REFERENCES users(id),
  CHECK (ends_at > starts_at AND show_from <= starts_at)
);
CREATE INDEX maintenance_ends ON maintenance(ends_at);

-- An incident as recorded by an administrator, for the periodic reports.
CREATE TABLE incidents (
  id          INTEGER PRIMARY KEY,
  occurred_at INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  effect      TEXT NOT NULL,
  actions     TEXT NOT NULL,
  handler     TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  mailed_at   INTEGER,
  mail_error  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incidents_time ON incidents(occurred_at);

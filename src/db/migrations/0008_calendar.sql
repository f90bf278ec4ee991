-- 0008_calendar: each year's officially announced table of days off and of weekend days worked
-- in exchange (Bộ luật Lao động 2019 Đ112.3: the Prime Minister fixes the days of Tết, and the
-- Government announces swaps every year). A year with rows here is computed from its rows alone,
-- not from the rules of src/vn/calendar.h; the system administrator edits them
-- (src/model/calendar.c). updated_by is NULL for the command line.
CREATE TABLE calendar_days (
  day        TEXT PRIMARY KEY,  -- YYYY-MM-DD
  kind       TEXT NOT NULL CHECK (kind IN ('off', 'work')),
  name       TEXT NOT NULL DEFAULT '',
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL
);

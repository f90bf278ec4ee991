-- 0006_accounts: password history (no reuse of the last five, BT Đ20.4) and failed sign-ins
-- (growing delays, then a temporary lock), keyed by "u:<username>" and "a:<address>" so that an
-- unknown name is treated exactly like a known one.
CREATE TABLE password_history (
  id      INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  hash    TEXT NOT NULL,
  at      INTEGER NOT NULL
);
CREATE INDEX password_history_user ON password_history(user_id, id);

CREATE TABLE signin_failures (
  key          TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);

-- Information obligations and requests (VP Đ5; ĐT Đ13.4, Đ24.5; issue #17), the editorial
-- boards and technical focal points (VL Đ29.3, BT Đ22.10). docs/obligations.md, docs/boards.md.

-- What a unit must provide to a site: a component site or a unit of the site's directory (an
-- item of kind "unit"), one kind of information, every period, by WORKDAYS working days after
-- the period's last day (the working-day calendar of model/calendar.h).
CREATE TABLE obligations (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  provider_site INTEGER REFERENCES sites(id),
  provider_unit INTEGER REFERENCES items(id),
  kind          TEXT NOT NULL,
  what          TEXT NOT NULL,
  basis         TEXT NOT NULL DEFAULT '',
  period        TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'half', 'year')),
  workdays      INTEGER NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  starts_day    INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  CHECK ((provider_site IS NULL) <> (provider_unit IS NULL))
);
CREATE INDEX obligations_site ON obligations(site_id);
CREATE INDEX obligations_provider ON obligations(provider_site);

-- One period's information received (PERIOD_START: the period's first day, days since 1970).
CREATE TABLE obligation_provisions (
  id            INTEGER PRIMARY KEY,
  obligation_id INTEGER NOT NULL REFERENCES obligations(id),
  period_start  INTEGER NOT NULL,
  item_id       INTEGER REFERENCES items(id),
  note          TEXT NOT NULL DEFAULT '',
  provided_at   INTEGER NOT NULL,
  recorded_by   INTEGER REFERENCES users(id),
  UNIQUE (obligation_id, period_start)
);

-- The main board's requests for information to a unit's site; FROM_URL and TO_URL: each side's
-- address as the sender's request saw it, for the links of the mails.
CREATE TABLE board_requests (
  id           INTEGER PRIMARY KEY,
  from_site    INTEGER NOT NULL REFERENCES sites(id),
  to_site      INTEGER NOT NULL REFERENCES sites(id),
  what         TEXT NOT NULL,
  why          TEXT NOT NULL,
  due_at       INTEGER NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('sent', 'seen', 'answered', 'closed')),
  reply        TEXT NOT NULL DEFAULT '',
  created_by   INTEGER REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  seen_at      INTEGER,
  answered_at  INTEGER,
  closed_at    INTEGER,
  overdue_mail INTEGER,
  from_url     TEXT NOT NULL DEFAULT '',
  to_url       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX board_requests_to ON board_requests(to_site, state);
CREATE INDEX board_requests_from ON board_requests(from_site, state);

CREATE TABLE board_request_items (
  request_id INTEGER NOT NULL REFERENCES board_requests(id),
  item_id    INTEGER NOT NULL REFERENCES items(id),
  PRIMARY KEY (request_id, item_id)
);

-- A site's editorial board: the decisions appointing it, its members, and its technical focal
-- point (name, unit, phone, e-mail sealed together: model/pdata.h). Every change is kept in
-- board_history, the focal point's snapshots sealed too.
CREATE TABLE board_decisions (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  number     TEXT NOT NULL,
  signed_day TEXT NOT NULL,
  signer     TEXT NOT NULL,
  media_id   INTEGER REFERENCES media(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX board_decisions_site ON board_decisions(site_id);

CREATE TABLE board_members (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  name        TEXT NOT NULL,
  position    TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('truong-ban', 'pho-truong-ban', 'thanh-vien', 'thu-ky')),
  decision_id INTEGER REFERENCES board_decisions(id),
  active      INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX board_members_site ON board_members(site_id);

CREATE TABLE focal_points (
  site_id    INTEGER PRIMARY KEY REFERENCES sites(id),
  sealed     TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id)
);

CREATE TABLE board_history (
  id        INTEGER PRIMARY KEY,
  site_id   INTEGER NOT NULL REFERENCES sites(id),
  what      TEXT NOT NULL CHECK (what IN ('member', 'decision', 'focal')),
  record_id INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('add', 'edit', 'remove')),
  snapshot  TEXT NOT NULL,
  user_id   INTEGER REFERENCES users(id),
  at        INTEGER NOT NULL
);
CREATE INDEX board_history_site ON board_history(site_id, at);

INSERT INTO settings (key, value) VALUES ('board_stale_days', '365');

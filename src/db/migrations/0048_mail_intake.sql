-- 0048_mail_intake: the board's published mailbox read over IMAP, each new message an intake
-- entry the board turns into a draft or refuses (issue #17, VL Đ8.1, ĐT Đ7.1, VP Đ6.1;
-- docs/email-intake.md).

-- A site's mailbox: URL imap:// or imaps:// (no credentials in it), USERNAME, PASSWORD sealed
-- (model/pdata.h; '' none), FOLDER, TLS for imap:// (none | try | require STARTTLS), ENABLED,
-- NOTIFY 1 when a refused sender is told by mail, MAX_KB the largest message fetched whole,
-- INTERVAL_MINUTES between pulls. The pull's state as ext_sites keeps it (0039): PULL_ASKED,
-- LAST_PULL_AT, LAST_OK_AT, LAST_ERROR (a key of locale/vi/intake.json) with LAST_DETAIL
-- (libcurl's words), and UIDVALIDITY of the folder as last seen.
CREATE TABLE mail_boxes (
  site_id          INTEGER PRIMARY KEY REFERENCES sites(id),
  url              TEXT NOT NULL DEFAULT '',
  username         TEXT NOT NULL DEFAULT '',
  password         TEXT NOT NULL DEFAULT '',
  folder           TEXT NOT NULL DEFAULT 'INBOX',
  tls              TEXT NOT NULL DEFAULT 'require',
  enabled          INTEGER NOT NULL DEFAULT 0,
  notify           INTEGER NOT NULL DEFAULT 1,
  max_kb           INTEGER NOT NULL DEFAULT 25600,
  interval_minutes INTEGER NOT NULL DEFAULT 10,
  pull_asked       INTEGER NOT NULL DEFAULT 0,
  last_pull_at     INTEGER NOT NULL DEFAULT 0,
  last_ok_at       INTEGER,
  last_error       TEXT NOT NULL DEFAULT '',
  last_detail      TEXT NOT NULL DEFAULT '',
  uidvalidity      INTEGER NOT NULL DEFAULT 0,
  taken            INTEGER NOT NULL DEFAULT 0,
  updated_at       INTEGER NOT NULL DEFAULT 0
);

-- One message taken from a mailbox. (SITE_ID, UIDVALIDITY, UID) and the Message-ID make sure
-- a message is never taken twice. SENDER is sealed JSON {name, addr}; SENDER_TAG its address's
-- keyed tag. RECEIVED_AT: when the server received it (INTERNALDATE, else Date:), which starts
-- the deadline clock: DUE_AT is when a waiting entry is due by the rule "khac" (the deadline
-- lists show it until it is decided), and the item made from it counts from it by its kind's
-- rule. BODY: sanitized HTML. PROBLEM: a key of
-- locale/vi/intake.json when the message could not be taken whole (too large, unreadable).
-- STATE new | drafted (ITEM_ID) | refused (REASON; MAILED 1 when the sender was told).
CREATE TABLE mail_intake (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  uidvalidity INTEGER NOT NULL,
  uid         INTEGER NOT NULL,
  message_id  TEXT NOT NULL DEFAULT '',
  sender      TEXT NOT NULL,
  sender_tag  TEXT NOT NULL DEFAULT '',
  subject     TEXT NOT NULL DEFAULT '',
  received_at INTEGER NOT NULL,
  due_at      INTEGER,
  size        INTEGER NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  problem     TEXT NOT NULL DEFAULT '',
  state       TEXT NOT NULL DEFAULT 'new',
  item_id     INTEGER REFERENCES items(id),
  reason      TEXT NOT NULL DEFAULT '',
  mailed      INTEGER NOT NULL DEFAULT 0,
  decided_by  INTEGER REFERENCES users(id),
  decided_at  INTEGER,
  created_at  INTEGER NOT NULL,
  UNIQUE (site_id, uidvalidity, uid)
);
CREATE INDEX mail_intake_list ON mail_intake(site_id, state, received_at);
CREATE INDEX mail_intake_msgid ON mail_intake(site_id, message_id);

-- Its attachments, in the message's order. MIME as the media checks found it (or as the
-- message declared when refused: REFUSED a locale key of the media checks). DATA: base64 of
-- the bytes while the entry waits (the store every node reads), cleared once the entry is
-- decided; a drafted entry's accepted files go to the site's library (MEDIA_ID).
CREATE TABLE mail_intake_files (
  id        INTEGER PRIMARY KEY,
  intake_id INTEGER NOT NULL REFERENCES mail_intake(id),
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  mime      TEXT NOT NULL,
  size      INTEGER NOT NULL,
  refused   TEXT NOT NULL DEFAULT '',
  data      TEXT,
  media_id  INTEGER REFERENCES media(id)
);
CREATE INDEX mail_intake_files_of ON mail_intake_files(intake_id, position);

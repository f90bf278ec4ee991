-- 0002_workflow: the editorial workflow (VL Đ11, TQ Đ12, ĐT Đ5.4, BT Đ4.4): states and their
-- timeline, revisions, corrections, withdrawal, scheduling, sharing up to the main portal,
-- intake records, per-site approval settings, and a hash chain over the audit log.

-- 2: editor then approver; 1: the approver alone (small communes).
ALTER TABLE sites ADD COLUMN approval_steps INTEGER NOT NULL DEFAULT 2;
ALTER TABLE sites ADD COLUMN approver_may_be_author INTEGER NOT NULL DEFAULT 0;

-- articles.state: draft, submitted, edited, returned, refused, scheduled, published, withdrawn.
-- A published article being changed keeps its public columns; the change lives in the revision
-- pending_rev_id and goes through change_state (draft, submitted, edited, returned).
ALTER TABLE articles ADD COLUMN change_state TEXT;
ALTER TABLE articles ADD COLUMN pending_rev_id INTEGER;
ALTER TABLE articles ADD COLUMN scheduled_at INTEGER;
ALTER TABLE articles ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE articles ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT '';
-- Intake (VL Đ8.2, BT Đ4.4.c): who provided the information and when it was received/issued.
ALTER TABLE articles ADD COLUMN intake_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN intake_name TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN intake_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN intake_email TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN intake_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN intake_received_at INTEGER;
CREATE INDEX articles_author ON articles(site_id, created_by, state);

-- Every save is a revision: a full copy of the editable fields.
CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id),
  n           INTEGER NOT NULL,
  title       TEXT NOT NULL,
  summary     TEXT NOT NULL,
  body        TEXT NOT NULL,
  author      TEXT NOT NULL,
  category_id INTEGER NOT NULL,
  cover_id    INTEGER,
  cover_alt   TEXT NOT NULL,
  featured    INTEGER NOT NULL,
  src_author  TEXT NOT NULL,
  src_name    TEXT NOT NULL,
  src_url     TEXT NOT NULL,
  src_time    INTEGER,
  note        TEXT NOT NULL DEFAULT '',
  created_by  INTEGER,
  created_at  INTEGER NOT NULL,
  UNIQUE (article_id, n)
);

-- The timeline: every transition with actor, time, comment and (for refusals) the reason.
CREATE TABLE transitions (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  at         INTEGER NOT NULL,
  actor_id   INTEGER,
  action     TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  comment    TEXT NOT NULL DEFAULT '',
  reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX transitions_article ON transitions(article_id, id);

-- Corrections (cải chính, VL Đ3.4): dated notes shown on the published item.
CREATE TABLE corrections (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  at         INTEGER NOT NULL,
  actor_id   INTEGER,
  text       TEXT NOT NULL
);

-- Sharing up (VL Đ14.1, ĐT Đ13.3–4): proposed by a component board, decided by the main board.
CREATE TABLE shares (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL UNIQUE REFERENCES articles(id),
  to_site_id  INTEGER NOT NULL REFERENCES sites(id),
  state       TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'declined')),
  proposed_by INTEGER,
  proposed_at INTEGER NOT NULL,
  decided_by  INTEGER,
  decided_at  INTEGER,
  reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX shares_target ON shares(to_site_id, state, decided_at);

-- Tamper evidence: each record carries the hash of the one before and its own.
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_filter ON audit(site_id, at);

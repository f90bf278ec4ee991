-- 0030_tickets: what citizens send (docs/citizens.md): questions, feedback on administrative
-- regulations, reports of an error on a page, comments on a draft, requests for information.
-- A ticket is one submission with its tracking code, the site that handles it now, its state,
-- its deadline on the working-day calendar and its history. What may become public (the
-- question, the chosen display name, the field) is in FIELDS as JSON; what identifies a person
-- (name, e-mail, phone, address, ID number) only in PERSONAL, sealed with a key kept outside
-- the database (model/pdata.h), and set to NULL once the retention period is over
-- (PURGE_AFTER); the public answer stays. EMAIL_TAG is a keyed hash of the e-mail address (the
-- per-address limit, the tracking page's check), ADDR_TAG one of the sender's network address
-- and the day: neither gives the value back. BASE_URL is the address of the site the citizen used
-- ("https://vinhlong.gov.vn/"), for the links in the mail.
CREATE TABLE tickets (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  code           TEXT NOT NULL UNIQUE,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  origin_site_id INTEGER NOT NULL REFERENCES sites(id),
  state          TEXT NOT NULL,
  title          TEXT NOT NULL DEFAULT '',
  fields         TEXT NOT NULL DEFAULT '{}',
  personal       TEXT,
  email_tag      TEXT,
  addr_tag       TEXT,
  show_name      INTEGER NOT NULL DEFAULT 0,
  notify         INTEGER NOT NULL DEFAULT 1,
  base_url       TEXT NOT NULL DEFAULT '',
  item_id        INTEGER REFERENCES items(id),
  number         INTEGER,
  deadline_kind  TEXT NOT NULL DEFAULT '',
  received_at    INTEGER NOT NULL,
  due_at         INTEGER,
  assignee_id    INTEGER REFERENCES users(id),
  closed_at      INTEGER,
  purge_after    INTEGER,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX tickets_inbox ON tickets(site_id, kind, state, due_at);
CREATE INDEX tickets_item ON tickets(item_id, kind, state);
CREATE INDEX tickets_email ON tickets(email_tag, received_at);
CREATE INDEX tickets_addr ON tickets(addr_tag, received_at);
CREATE INDEX tickets_purge ON tickets(purge_after);
CREATE UNIQUE INDEX tickets_number ON tickets(site_id, kind, number) WHERE number IS NOT NULL;

-- A ticket's history: every step, who took it (NULL: the citizen or the system), on which site,
-- and its note. PUBLIC steps show on the tracking page (received, forwarded, answered…);
-- internal notes and assignments do not.
CREATE TABLE ticket_events (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  at        INTEGER NOT NULL,
  user_id   INTEGER REFERENCES users(id),
  site_id   INTEGER NOT NULL REFERENCES sites(id),
  action    TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  public    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);

-- The anti-abuse challenges already answered (model/challenge.h): a keyed tag of each, until
-- it would have expired anyway, so that one solved challenge sends one form.
CREATE TABLE challenge_used (
  tag        TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);

-- Mail to citizens waits here until the scheduler sends it (jobs/outbox.h): a form is answered
-- at once whatever the mail server does. The address is sealed like the ticket's personal data.
CREATE TABLE mail_outbox (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  ticket_id  INTEGER REFERENCES tickets(id),
  rcpt       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  next_at    INTEGER NOT NULL,
  tries      INTEGER NOT NULL DEFAULT 0,
  sent_at    INTEGER,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, next_at);

-- The answer deadlines: VP Đ7.7 (a question within the agency's competence 5 working days, one
-- needing several agencies 10, a complex one that needs checking 15, as VL Đ9.7 gives
-- feedback); feedback and petitions keep 'phan-anh-kien-nghi' (VL Đ9.7, 15,
-- migration 0010); an error reported on a page is corrected like other information (5, Luật
-- TCTT Đ18.4). A site sets its own on the deadlines page like any other rule.
INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position) VALUES
  (NULL, 'hoi-dap', 'Trả lời câu hỏi thuộc thẩm quyền', 5, 'workdays', 'VP Đ7.7.a', 30),
  (NULL, 'hoi-dap-lien-nganh', 'Trả lời câu hỏi cần phối hợp liên ngành', 10, 'workdays', 'VP Đ7.7.b', 31),
  (NULL, 'hoi-dap-phuc-tap', 'Trả lời câu hỏi phức tạp, cần xác minh', 15, 'workdays', 'VL Đ9.7', 33),
  (NULL, 'bao-loi', 'Sửa thông tin sai do người đọc báo lỗi', 5, 'workdays', 'VL Đ18.2; Luật TCTT Đ18.4', 32);

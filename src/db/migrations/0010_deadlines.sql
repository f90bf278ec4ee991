-- 0010_deadlines: update deadlines in working days (VL Đ9, TQ Đ6.2 and Đ7, VP Đ7, Luật TCTT
-- Đ18.4) and the periodic review of fixed pages (VL Đ12). docs/deadlines.md.

-- A rule per kind of information: the province's defaults (site_id NULL), which a site may
-- override kind by kind. AMOUNT working days, or hours of the clock.
CREATE TABLE deadline_rules (
  id       INTEGER PRIMARY KEY,
  site_id  INTEGER REFERENCES sites(id),
  kind     TEXT NOT NULL,
  name     TEXT NOT NULL,
  amount   INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 1000),
  unit     TEXT NOT NULL CHECK (unit IN ('workdays', 'hours')),
  source   TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  updated_by INTEGER,
  updated_at INTEGER
);
CREATE UNIQUE INDEX deadline_rules_default ON deadline_rules(kind) WHERE site_id IS NULL;
CREATE UNIQUE INDEX deadline_rules_site ON deadline_rules(site_id, kind) WHERE site_id IS NOT NULL;

INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position) VALUES
  (NULL, 'van-ban-tinh', 'Văn bản quy phạm pháp luật, văn bản quản lý của UBND tỉnh', 2, 'workdays', 'VL Đ9.3', 1),
  (NULL, 'van-ban-trung-uong', 'Văn bản quy phạm pháp luật, văn bản quản lý của Trung ương', 8, 'workdays', 'VL Đ9.3', 2),
  (NULL, 'pho-bien-phap-luat', 'Tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chính sách', 15, 'workdays', 'VL Đ9.2', 3),
  (NULL, 'quy-hoach-du-an', 'Chiến lược, quy hoạch, kế hoạch; dự án, đầu tư, đấu thầu, mua sắm công', 10, 'workdays', 'VL Đ9.4', 4),
  (NULL, 'thong-ke', 'Thông tin, báo cáo thống kê', 10, 'workdays', 'VL Đ9.5', 5),
  (NULL, 'khoa-hoc', 'Chương trình, đề tài khoa học', 20, 'workdays', 'VL Đ9.6', 6),
  (NULL, 'phan-anh-kien-nghi', 'Trả lời phản ánh, kiến nghị, câu hỏi của người dân', 15, 'workdays', 'VL Đ9.7', 7),
  (NULL, 'tin-su-kien', 'Tin hoạt động, sự kiện', 24, 'hours', 'TQ Đ6.2.a', 8),
  (NULL, 'khac', 'Thông tin khác', 5, 'workdays', 'Luật TCTT Đ18.4', 9);

-- The kind of a category's items (NULL: 'khac') and of one item (NULL: its category's); the
-- due time computed from the received/issued time (intake_received_at) on the calendar, and
-- the kind it was computed for.
ALTER TABLE categories ADD COLUMN deadline_kind TEXT;
ALTER TABLE articles ADD COLUMN deadline_kind TEXT;
ALTER TABLE articles ADD COLUMN due_at INTEGER;
ALTER TABLE articles ADD COLUMN due_kind TEXT;
CREATE INDEX articles_due ON articles(site_id, due_at) WHERE due_at IS NOT NULL;

-- Periodic review (rà soát): a review interval in days on a category (its fixed pages) or an
-- item; who last reviewed an item and when.
ALTER TABLE categories ADD COLUMN review_days INTEGER CHECK (review_days IS NULL OR review_days BETWEEN 1 AND 3660);
ALTER TABLE articles ADD COLUMN review_days INTEGER CHECK (review_days IS NULL OR review_days BETWEEN 1 AND 3660);
ALTER TABLE articles ADD COLUMN reviewed_at INTEGER;
ALTER TABLE articles ADD COLUMN reviewed_by INTEGER REFERENCES users(id);

-- The daily reminders sent: one a site a day, whatever restarts happen.
CREATE TABLE reminders_sent (
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  day        TEXT NOT NULL,
  sent_at    INTEGER NOT NULL,
  recipients TEXT NOT NULL,
  items      INTEGER NOT NULL,
  PRIMARY KEY (site_id, day)
);

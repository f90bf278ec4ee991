-- 0023_procedures: administrative procedures (kind "procedure", docs/procedures.md). Their update
-- deadline counts back: VP Đ7.5 wants a procedure published at least 10 working days before the
-- document that regulates it takes effect. deadline_rules.unit gains 'workdays_before' (N working
-- days before the anchor day the item's kind derives, its term "han_moc"); the CHECK is part of
-- the table, so the table is rebuilt (a copy of its rows: a few dozen), in SQL that SQLite and
-- PostgreSQL share. Nothing references deadline_rules; its two indexes are made again.
CREATE TABLE deadline_rules_new (
  id       INTEGER PRIMARY KEY,
  site_id  INTEGER REFERENCES sites(id),
  kind     TEXT NOT NULL,
  name     TEXT NOT NULL,
  amount   INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 1000),
  unit     TEXT NOT NULL CHECK (unit IN ('workdays', 'hours', 'workdays_before')),
  source   TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  updated_by INTEGER,
  updated_at INTEGER
);
INSERT INTO deadline_rules_new (id, site_id, kind, name, amount, unit, source, position, updated_by, updated_at)
  SELECT id, site_id, kind, name, amount, unit, source, position, updated_by, updated_at FROM deadline_rules;
DROP TABLE deadline_rules;
ALTER TABLE deadline_rules_new RENAME TO deadline_rules;
CREATE UNIQUE INDEX deadline_rules_default ON deadline_rules(kind) WHERE site_id IS NULL;
CREATE UNIQUE INDEX deadline_rules_site ON deadline_rules(site_id, kind) WHERE site_id IS NOT NULL;

-- The procedures' rule (VP Đ7.5). A procedure whose regulating document's effective day is not
-- known follows 'khac' from its received time instead (Luật TCTT Đ18.4, TQ Đ7.6: 5 working days);
-- a change to a published procedure is "kịp thời" (VP Đ9.1), which names no number.
INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position) VALUES
  (NULL, 'thu-tuc-hanh-chinh', 'Thủ tục hành chính (đăng trước ngày văn bản quy định thủ tục có hiệu lực)', 10,
   'workdays_before', 'VP Đ7.5', 10);

-- The main portal lists every site's published procedures (kind.province_list): a walk of one
-- kind across sites in date order, as items_kind_day does within a site.
CREATE INDEX items_kind_all ON items(kind, state, item_day, id);

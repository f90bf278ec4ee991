-- 0021_item_term_days: each published item's filter terms in date order, kept by the database
-- itself (as item_term_counts is, 0020). A list filtered on one term ("Quyết định", and a year)
-- walked the site's documents newest first and probed item_terms for each until a page matched
-- (about 75 probes for a type a quarter of the documents have, every document for a rare one);
-- with the terms in (site, kind, key, value, day, id) order the page is the first entries of one
-- index range. Triggers keep it right whatever writes the items or their terms; an item does not
-- change site or kind. item_day 0: an item without a day (sorted last, as NULL is).
CREATE TABLE item_term_days (
  site_id  INTEGER NOT NULL,
  kind     TEXT NOT NULL,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  item_day INTEGER NOT NULL,
  item_id  INTEGER NOT NULL,
  PRIMARY KEY (site_id, kind, key, value, item_day, item_id)
);
CREATE INDEX item_term_days_item ON item_term_days(item_id);

CREATE TRIGGER item_terms_days_insert AFTER INSERT ON item_terms
WHEN (SELECT state FROM items WHERE id = NEW.item_id) = 'published'
BEGIN
  INSERT INTO item_term_days (site_id, kind, key, value, item_day, item_id)
    SELECT site_id, kind, NEW.key, NEW.value, coalesce(item_day, 0), id FROM items WHERE id = NEW.item_id
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER item_terms_days_delete AFTER DELETE ON item_terms
BEGIN
  DELETE FROM item_term_days WHERE item_id = OLD.item_id AND key = OLD.key AND value = OLD.value;
END;

CREATE TRIGGER items_days_state AFTER UPDATE OF state ON items
WHEN (OLD.state = 'published') <> (NEW.state = 'published')
BEGIN
  DELETE FROM item_term_days WHERE item_id = NEW.id;
  INSERT INTO item_term_days (site_id, kind, key, value, item_day, item_id)
    SELECT NEW.site_id, NEW.kind, t.key, t.value, coalesce(NEW.item_day, 0), NEW.id
    FROM item_terms t WHERE t.item_id = NEW.id AND NEW.state = 'published'
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER items_days_day AFTER UPDATE OF item_day ON items
WHEN NEW.state = 'published' AND coalesce(OLD.item_day, 0) <> coalesce(NEW.item_day, 0)
BEGIN
  UPDATE item_term_days SET item_day = coalesce(NEW.item_day, 0) WHERE item_id = NEW.id;
END;

CREATE TRIGGER items_days_delete AFTER DELETE ON items
BEGIN
  DELETE FROM item_term_days WHERE item_id = OLD.id;
END;

-- As they are ("state || ''": the covering index on (site_id, kind, state, item_day, id), not
-- every row: see 0020).
INSERT INTO item_term_days (site_id, kind, key, value, item_day, item_id)
  SELECT a.site_id, a.kind, t.key, t.value, coalesce(a.item_day, 0), a.id
  FROM items a JOIN item_terms t ON t.item_id = a.id WHERE a.state || '' = 'published';

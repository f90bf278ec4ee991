-- 0021_item_term_days, PostgreSQL: the same table kept by trigger functions (SQLite: triggers
-- with WHEN clauses). See 0021_item_term_days.sql for why.
CREATE TABLE item_term_days (
  site_id  BIGINT NOT NULL,
  kind     TEXT NOT NULL,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  item_day BIGINT NOT NULL,
  item_id  BIGINT NOT NULL,
  PRIMARY KEY (site_id, kind, key, value, item_day, item_id)
);

CREATE FUNCTION item_terms_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO item_term_days (site_id, kind, key, value, item_day, item_id)
      SELECT site_id, kind, NEW.key, NEW.value, coalesce(item_day, 0), id FROM items
      WHERE id = NEW.item_id AND state = 'published'
      ON CONFLICT DO NOTHING;
  ELSE
    DELETE FROM item_term_days WHERE item_id = OLD.item_id AND key = OLD.key AND value = OLD.value;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER item_terms_days AFTER INSERT OR DELETE ON item_terms
  FOR EACH ROW EXECUTE FUNCTION item_terms_days();

CREATE FUNCTION items_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM item_term_days WHERE item_id = OLD.id;
    RETURN NULL;
  END IF;
  IF (OLD.state = 'published') <> (NEW.state = 'published') THEN
    DELETE FROM item_term_days WHERE item_id = NEW.id;
    INSERT INTO item_term_days (site_id, kind, key, value, item_day, item_id)
      SELECT NEW.site_id, NEW.kind, t.key, t.value, coalesce(NEW.item_day, 0), NEW.id
      FROM item_terms t WHERE t.item_id = NEW.id AND NEW.state = 'published'
      ON CONFLICT DO NOTHING;
  ELSIF NEW.state = 'published' AND coalesce(OLD.item_day, 0) <> coalesce(NEW.item_day, 0) THEN
    UPDATE item_term_days SET item_day = coalesce(NEW.item_day, 0) WHERE item_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER items_days AFTER DELETE OR UPDATE OF state, item_day ON items
  FOR EACH ROW EXECUTE FUNCTION items_days();

INSERT INTO item_term_days (site_id, kind, key, value, item_day, item_id)
  SELECT a.site_id, a.kind, t.key, t.value, coalesce(a.item_day, 0), a.id
  FROM items a JOIN item_terms t ON t.item_id = a.id WHERE a.state = 'published';

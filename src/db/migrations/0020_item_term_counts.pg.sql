-- 0020_item_term_counts, PostgreSQL: the same counts kept by trigger functions (SQLite: triggers
-- with WHEN clauses). See 0020_item_term_counts.sql for why.
CREATE TABLE item_term_counts (
  site_id BIGINT NOT NULL,
  kind    TEXT NOT NULL,
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  n       BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, kind, key, value)
);

CREATE FUNCTION item_terms_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO item_term_counts (site_id, kind, key, value, n)
      SELECT site_id, kind, NEW.key, NEW.value, 1 FROM items WHERE id = NEW.item_id AND state = 'published'
      ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = item_term_counts.n + 1;
  ELSE
    UPDATE item_term_counts c SET n = c.n - 1 FROM items i
      WHERE i.id = OLD.item_id AND i.state = 'published' AND c.site_id = i.site_id AND c.kind = i.kind
        AND c.key = OLD.key AND c.value = OLD.value;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER item_terms_count AFTER INSERT OR DELETE ON item_terms
  FOR EACH ROW EXECUTE FUNCTION item_terms_count();

CREATE FUNCTION items_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.state = 'published' THEN
      INSERT INTO item_term_counts (site_id, kind, key, value, n) VALUES (NEW.site_id, NEW.kind, '', '', 1)
        ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = item_term_counts.n + 1;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.state = 'published' THEN
      UPDATE item_term_counts SET n = n - 1
        WHERE site_id = OLD.site_id AND kind = OLD.kind AND key = '' AND value = '';
    END IF;
  ELSIF (OLD.state = 'published') <> (NEW.state = 'published') THEN
    d := CASE WHEN NEW.state = 'published' THEN 1 ELSE -1 END;
    INSERT INTO item_term_counts (site_id, kind, key, value, n)
      SELECT NEW.site_id, NEW.kind, t.key, t.value, d FROM item_terms t WHERE t.item_id = NEW.id
      ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = item_term_counts.n + excluded.n;
    INSERT INTO item_term_counts (site_id, kind, key, value, n) VALUES (NEW.site_id, NEW.kind, '', '', d)
      ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = item_term_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER items_count AFTER INSERT OR DELETE OR UPDATE OF state ON items
  FOR EACH ROW EXECUTE FUNCTION items_count();

INSERT INTO item_term_counts (site_id, kind, key, value, n)
  SELECT a.site_id, a.kind, '', '', count(*) FROM items a WHERE a.state = 'published'
  GROUP BY a.site_id, a.kind;
INSERT INTO item_term_counts (site_id, kind, key, value, n)
  SELECT a.site_id, a.kind, t.key, t.value, count(*) FROM items a JOIN item_terms t ON t.item_id = a.id
  WHERE a.state = 'published' GROUP BY a.site_id, a.kind, t.key, t.value;

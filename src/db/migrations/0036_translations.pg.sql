-- 0036_translations, PostgreSQL: the same columns, index and rule; the counts' trigger functions
-- (0011, 0020) replaced with the language's condition. See 0036_translations.sql for why.
ALTER TABLE items ADD COLUMN translation_of BIGINT REFERENCES items(id);
ALTER TABLE items ADD COLUMN source_version_at BIGINT;
CREATE UNIQUE INDEX items_translation ON items(translation_of, lang) WHERE translation_of IS NOT NULL;
CREATE INDEX items_lang ON items(site_id, lang, state, published_at) WHERE lang <> 'vi';

ALTER TABLE sites ADD COLUMN translation_rules TEXT;

INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position) VALUES
  (NULL, 'ban-dich', 'Bản dịch tiếng nước ngoài (kể từ khi bản tiếng Việt được đăng hoặc cập nhật)', 5, 'workdays',
   'VP Đ4.15; BT Đ6.2', 20);

CREATE OR REPLACE FUNCTION articles_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.state = 'published' AND OLD.lang = 'vi' THEN
    UPDATE categories SET published_count = published_count - 1 WHERE id = OLD.category_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'published' AND NEW.lang = 'vi' THEN
    UPDATE categories SET published_count = published_count + 1 WHERE id = NEW.category_id;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION items_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.state = 'published' AND NEW.lang = 'vi' THEN
      INSERT INTO item_term_counts (site_id, kind, key, value, n) VALUES (NEW.site_id, NEW.kind, '', '', 1)
        ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = item_term_counts.n + 1;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.state = 'published' AND OLD.lang = 'vi' THEN
      UPDATE item_term_counts SET n = n - 1
        WHERE site_id = OLD.site_id AND kind = OLD.kind AND key = '' AND value = '';
    END IF;
  ELSIF NEW.lang = 'vi' AND (OLD.state = 'published') <> (NEW.state = 'published') THEN
    d := CASE WHEN NEW.state = 'published' THEN 1 ELSE -1 END;
    INSERT INTO item_term_counts (site_id, kind, key, value, n)
      SELECT NEW.site_id, NEW.kind, t.key, t.value, d FROM item_terms t WHERE t.item_id = NEW.id
      ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = item_term_counts.n + excluded.n;
    INSERT INTO item_term_counts (site_id, kind, key, value, n) VALUES (NEW.site_id, NEW.kind, '', '', d)
      ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = item_term_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

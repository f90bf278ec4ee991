-- 0011_public_reads, PostgreSQL: the same counts, kept by a trigger function (SQLite: three
-- triggers with WHEN clauses). See 0011_public_reads.sql for why.
ALTER TABLE categories ADD COLUMN published_count BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION articles_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.state = 'published' THEN
    UPDATE categories SET published_count = published_count - 1 WHERE id = OLD.category_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'published' THEN
    UPDATE categories SET published_count = published_count + 1 WHERE id = NEW.category_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_count AFTER INSERT OR DELETE OR UPDATE OF state, category_id ON articles
  FOR EACH ROW EXECUTE FUNCTION articles_count();

UPDATE categories SET published_count =
  (SELECT count(*) FROM articles a WHERE a.category_id = categories.id AND a.state = 'published');

DROP INDEX articles_public;
CREATE INDEX articles_public ON articles(site_id, state, published_at, id, category_id);

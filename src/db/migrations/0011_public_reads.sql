-- 0011_public_reads: what the uncached public pages read, made cheap (1,000,000 articles:
-- docs/benchmarks.md, "Uncached rendering").
--
-- How many published articles each category holds, kept by the database itself. A category
-- page shows how many pages it has: counting ~1,200 index entries per request cost 40 µs, a
-- third of the page. Triggers keep the number right whatever writes the articles (the model,
-- the scheduler, the command line, a script), in the same transaction.
ALTER TABLE categories ADD COLUMN published_count INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER articles_count_insert AFTER INSERT ON articles WHEN NEW.state = 'published'
BEGIN
  UPDATE categories SET published_count = published_count + 1 WHERE id = NEW.category_id;
END;

CREATE TRIGGER articles_count_delete AFTER DELETE ON articles WHEN OLD.state = 'published'
BEGIN
  UPDATE categories SET published_count = published_count - 1 WHERE id = OLD.category_id;
END;

CREATE TRIGGER articles_count_update AFTER UPDATE OF state, category_id ON articles
WHEN (OLD.state = 'published') <> (NEW.state = 'published') OR OLD.category_id <> NEW.category_id
BEGIN
  UPDATE categories SET published_count = published_count - 1
    WHERE id = OLD.category_id AND OLD.state = 'published';
  UPDATE categories SET published_count = published_count + 1
    WHERE id = NEW.category_id AND NEW.state = 'published';
END;

UPDATE categories SET published_count =
  (SELECT count(*) FROM articles a WHERE a.category_id = categories.id AND a.state = 'published');

-- A home page walks its site's articles newest first, the first 8 being the latest list and
-- each of the first few per top-level category its section: with the id (for ties) and the
-- category in the index, the walk is in index order and reads no article row. Same name and
-- leading columns as before, so every other use of the index stays as it was.
DROP INDEX articles_public;
CREATE INDEX articles_public ON articles(site_id, state, published_at, id, category_id);

-- 0012_search_site, PostgreSQL: the site token column (see 0012_search_site.sql).
ALTER TABLE search_fts ADD COLUMN site_t TEXT;
INSERT INTO settings (key, value) SELECT 'search_reindex_needed', '1'
  WHERE EXISTS (SELECT 1 FROM articles WHERE state = 'published')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- 0004_search, PostgreSQL: the full-text index as a table of its own (SQLite's is FTS5). Each
-- published item is one row, rowid = item id, with its title and text as written and folded
-- (src/search/search.c folds them in C before they are stored, as for SQLite); what is searched
-- is defined in 0012.
CREATE TABLE search_fts (
  rowid BIGINT PRIMARY KEY,
  title_x TEXT, body_x TEXT, title_f TEXT, body_f TEXT,
  site_id BIGINT, category_id BIGINT, published_at BIGINT, kind TEXT
);

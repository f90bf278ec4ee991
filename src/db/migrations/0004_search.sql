-- 0004_search: the full-text index (SQLite FTS5; the PostgreSQL backend brings its own).
-- Each published item is one row, rowid = article id: its title and text as written (NFC, one
-- tone placement) and folded (no diacritics, đ → d), so that "bán" finds "bán" first and "ban"
-- finds "bàn", "bán", "bạn". The unindexed columns filter by site, category, date and kind.
CREATE VIRTUAL TABLE search_fts USING fts5(
  title_x, body_x, title_f, body_f,
  site_id UNINDEXED, category_id UNINDEXED, published_at UNINDEXED, kind UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);
-- The vocabulary, for "did you mean" suggestions.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');

-- 0004_search, PostgreSQL: the full-text index as a table with two tsvectors (SQLite's is FTS5;
-- docs/search.md, "PostgreSQL"). Each published item is one row, rowid = item id. As for SQLite,
-- src/search/search.c folds the text in C before it is stored, and here it also cuts it into
-- words (lower case, NFC, one tone placement), so the text columns hold words separated by
-- spaces and PostgreSQL's parser ('simple' configuration: no stemming, no stop words) only
-- splits on them: title_x, body_x as written; title_f, body_f folded (no diacritics, đ → d).
--
-- tsv_f, the folded title (weight B) and text (D), is what every query matches, through its GIN
-- index. tsv_x, the title (A) and text (C) as written, only ranks the exact spelling higher and
-- leaves out an excluded word typed with diacritics ("-bán"), on rows already matched: it needs
-- no index. ts_rank weighs A, B, C, D 1.0, 0.5, 0.3, 0.1 (bm25's 10, 5, 3, 1 on SQLite).
CREATE TABLE search_fts (
  rowid BIGINT PRIMARY KEY,
  title_x TEXT NOT NULL, body_x TEXT NOT NULL, title_f TEXT NOT NULL, body_f TEXT NOT NULL,
  site_id BIGINT NOT NULL, category_id BIGINT, published_at BIGINT NOT NULL DEFAULT 0, kind TEXT NOT NULL,
  tsv_f tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('simple', title_f), 'B') || setweight(to_tsvector('simple', body_f), 'D')) STORED,
  tsv_x tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('simple', title_x), 'A') || setweight(to_tsvector('simple', body_x), 'C')) STORED
);
CREATE INDEX search_fts_words ON search_fts USING gin (tsv_f);
-- one site's search: the planner may AND this with the words' GIN scan
CREATE INDEX search_fts_site ON search_fts (site_id);

-- The folded vocabulary, for "did you mean" suggestions: every folded word of the index and the
-- number of items that have it (what SQLite's fts5vocab 'row' table gives for those words). Kept
-- by search_index_article with each row of search_fts; made anew from ts_stat by search_reindex.
-- Byte order ("C"), as SQLite compares: suggestions read a range of terms by first letter.
CREATE TABLE search_vocab (
  term TEXT COLLATE "C" PRIMARY KEY,
  doc BIGINT NOT NULL
);
-- the terms whose last item left the index, deleted right after (usually none)
CREATE INDEX search_vocab_gone ON search_vocab (term) WHERE doc <= 0;

-- 0050_search_lang, PostgreSQL: the search of a language's pages (0050_search_lang.sql). One
-- table for every language other than Vietnamese: the English configuration's stemmed words
-- (title A, text C) in a GIN-indexed tsvector for languages written with spaces; languages
-- written without (Khmer) are matched as substrings of body, which holds the title too, on the
-- site's few rows of that language (search_lang_site).
CREATE TABLE search_lang (
  rowid BIGINT PRIMARY KEY,
  lang TEXT NOT NULL,
  site_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'C')) STORED
);
CREATE INDEX search_lang_words ON search_lang USING gin (tsv);
CREATE INDEX search_lang_site ON search_lang (site_id, lang);
INSERT INTO settings (key, value) SELECT 'search_reindex_needed', '1'
  WHERE EXISTS (SELECT 1 FROM items WHERE state = 'published' AND lang <> 'vi')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- 0053_search_index: the search index for a million items (issue #18, docs/search.md "The index").
-- search_fts becomes contentless (content=''): FTS5 no longer keeps its own copy of the four
-- texts (two thirds of the index). What deleting a row needs is kept compressed in search_doc
-- (zstd of the title and text as written, and the filter tokens, with a dictionary made by each
-- rebuild from its first items, search_dict; the folded texts and bigrams are made again from
-- them). Two columns of folded bigrams (title_b, body_b: "cai\u01c2cach")
-- answer phrases from short doclists instead of the positions of every common word. site_t
-- holds the filter tokens, the site's (zsite42) and the kind's (zkindlegal). search_vocab, a
-- plain table of every word of the index with its number of items, replaces fts5vocab: the
-- suggestions read it, and so does the ranking (the IDF of a word, without reading its whole
-- doclist). The index is rebuilt: `cong serve` does it in the background, `cong reindex` at once.
DROP TABLE search_vocab;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
  title_x, body_x, title_f, body_f, site_t, title_b, body_b,
  content = '', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE search_doc (
  id INTEGER PRIMARY KEY,
  bytes INTEGER NOT NULL,
  z BLOB NOT NULL
);
CREATE TABLE search_vocab (
  term TEXT PRIMARY KEY,
  doc INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE search_dict (
  id INTEGER PRIMARY KEY,
  dict BLOB NOT NULL
);
INSERT INTO settings (key, value) SELECT 'search_reindex_needed', '1'
  WHERE EXISTS (SELECT 1 FROM items WHERE state = 'published')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

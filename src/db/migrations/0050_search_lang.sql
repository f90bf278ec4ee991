-- 0050_search_lang: the search of a language's pages ("/en/tim-kiem", "/km/tim-kiem"; issue #16,
-- docs/search.md "Other languages"). Translations are not in search_fts (its folding and tone
-- placement are Vietnamese); they get two tables of their own, one row per published item:
-- search_lang for languages written with spaces between words (English: FTS5's porter stemmer
-- over unicode61, case folded, diacritics kept), search_grams for those written without (Khmer:
-- the trigram tokenizer, so that any run of three characters or more is found inside the text).
-- `cong serve` fills them in the background on its next start (search_reindex_needed).
CREATE VIRTUAL TABLE search_lang USING fts5(
  title, body, lang UNINDEXED, site_id UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE search_grams USING fts5(
  title UNINDEXED, body, lang UNINDEXED, site_id UNINDEXED,
  tokenize = 'trigram'
);
INSERT INTO settings (key, value) SELECT 'search_reindex_needed', '1'
  WHERE EXISTS (SELECT 1 FROM items WHERE state = 'published' AND lang <> 'vi')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

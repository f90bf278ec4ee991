-- 0012_search_site: one site's search narrowed inside the index. A site token column (site_t:
-- "zsite42") lets FTS5 intersect the words' lists with the site's own, instead of ranking every
-- match of the province and dropping the other sites' afterwards (a common word on one commune's
-- site: 250 ms on 1,000,000 articles; docs/search.md). The index is rebuilt: `cong serve` does
-- it in the background on its first start (setting search_reindex_needed), `cong reindex` at once.
DROP TABLE search_vocab;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5(
  title_x, body_x, title_f, body_f, site_t,
  site_id UNINDEXED, category_id UNINDEXED, published_at UNINDEXED, kind UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');
INSERT INTO settings (key, value) SELECT 'search_reindex_needed', '1'
  WHERE EXISTS (SELECT 1 FROM articles WHERE state = 'published')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

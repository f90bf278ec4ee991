-- 0015_list_fields: what a public list row shows of an item's fields (the listed fields and how
-- many items each counted reference names), kept by item_derive, so a list page reads a small
-- object per row instead of the whole fields with their relations. In a table of its own, not a
-- column of items: a column added to items comes after the body, and reading it walks the body's
-- overflow pages (a legal document's full text) for every row of every list.
-- No row until the item is derived again: lists read the fields meanwhile (same page, slower).
-- Existing items are derived again by `cong serve` in the background on its first start
-- (setting items_derive_needed), or by `cong reindex` at once.
CREATE TABLE item_list_fields (
  item_id INTEGER PRIMARY KEY REFERENCES items(id),
  fields  TEXT NOT NULL
);
INSERT INTO settings (key, value) SELECT 'items_derive_needed', '1'
  WHERE EXISTS (SELECT 1 FROM items WHERE kind <> 'article')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;

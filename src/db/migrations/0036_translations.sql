-- 0036_translations: translations as linked items (#16, docs/languages.md).
--
-- A translation is an item of its own (items.lang 'en', 'km'…, with its own workflow, revisions
-- and deadline) that names the Vietnamese item it translates, and the time of the Vietnamese
-- public version it was made from (the source's last "publish" transition when it was made or
-- marked current): when the source is published again later, the translation is outdated.
-- One translation per language per source.
ALTER TABLE items ADD COLUMN translation_of INTEGER REFERENCES items(id);
ALTER TABLE items ADD COLUMN source_version_at INTEGER;
CREATE UNIQUE INDEX items_translation ON items(translation_of, lang) WHERE translation_of IS NOT NULL;
-- The public pages in another language list a site's published items of that language, newest
-- first (a few hundred at most: an index of their own, Vietnamese items are not in it).
CREATE INDEX items_lang ON items(site_id, lang, state, published_at) WHERE lang <> 'vi';

-- What a site must publish in English (VP Đ4.15, BT Đ6.2): one rule a line, "<kind>" or
-- "<kind> <term>=<value>"; NULL: the province's default list (model/translation.c).
ALTER TABLE sites ADD COLUMN translation_rules TEXT;

-- Translating is a deadline rule like the others: counted from the time the Vietnamese item
-- was published or updated (the translation's received time).
INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position) VALUES
  (NULL, 'ban-dich', 'Bản dịch tiếng nước ngoài (kể từ khi bản tiếng Việt được đăng hoặc cập nhật)', 5, 'workdays',
   'VP Đ4.15; BT Đ6.2', 20);

-- The counts the Vietnamese lists read (categories.published_count, 0011; the kinds' totals in
-- item_term_counts, 0020) are of Vietnamese items: a translation is listed on its language's
-- pages only. An item's language is set when it is made and never changes.
DROP TRIGGER articles_count_insert;
DROP TRIGGER articles_count_delete;
DROP TRIGGER articles_count_update;
CREATE TRIGGER articles_count_insert AFTER INSERT ON items WHEN NEW.state = 'published' AND NEW.lang = 'vi'
BEGIN
  UPDATE categories SET published_count = published_count + 1 WHERE id = NEW.category_id;
END;
CREATE TRIGGER articles_count_delete AFTER DELETE ON items WHEN OLD.state = 'published' AND OLD.lang = 'vi'
BEGIN
  UPDATE categories SET published_count = published_count - 1 WHERE id = OLD.category_id;
END;
CREATE TRIGGER articles_count_update AFTER UPDATE OF state, category_id ON items
WHEN NEW.lang = 'vi' AND ((OLD.state = 'published') <> (NEW.state = 'published') OR OLD.category_id <> NEW.category_id)
BEGIN
  UPDATE categories SET published_count = published_count - 1
    WHERE id = OLD.category_id AND OLD.state = 'published';
  UPDATE categories SET published_count = published_count + 1
    WHERE id = NEW.category_id AND NEW.state = 'published';
END;

DROP TRIGGER items_count_insert;
DROP TRIGGER items_count_delete;
DROP TRIGGER items_count_state;
CREATE TRIGGER items_count_insert AFTER INSERT ON items WHEN NEW.state = 'published' AND NEW.lang = 'vi'
BEGIN
  INSERT INTO item_term_counts (site_id, kind, key, value, n) VALUES (NEW.site_id, NEW.kind, '', '', 1)
    ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER items_count_delete AFTER DELETE ON items WHEN OLD.state = 'published' AND OLD.lang = 'vi'
BEGIN
  UPDATE item_term_counts SET n = n - 1 WHERE site_id = OLD.site_id AND kind = OLD.kind AND key = '' AND value = '';
END;
CREATE TRIGGER items_count_state AFTER UPDATE OF state ON items
WHEN NEW.lang = 'vi' AND (OLD.state = 'published') <> (NEW.state = 'published')
BEGIN
  INSERT INTO item_term_counts (site_id, kind, key, value, n)
    SELECT NEW.site_id, NEW.kind, t.key, t.value, CASE WHEN NEW.state = 'published' THEN 1 ELSE -1 END
    FROM item_terms t WHERE t.item_id = NEW.id
    ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = n + excluded.n;
  INSERT INTO item_term_counts (site_id, kind, key, value, n)
    VALUES (NEW.site_id, NEW.kind, '', '', CASE WHEN NEW.state = 'published' THEN 1 ELSE -1 END)
    ON CONFLICT (site_id, kind, key, value) DO UPDATE SET n = n + excluded.n;
END;

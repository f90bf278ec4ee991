-- 0013_items: one table for every kind of content (docs/architecture.md, "Items").
--
-- The articles table becomes the items table: renaming keeps every row, index, trigger and
-- reference (revisions, transitions, corrections, shares, attachments, search rows, due times,
-- audit objects) as it is, and costs the same on 1,000,000 rows as on ten: the schema is
-- rewritten, no row is copied. Existing articles are items of kind 'article'.
ALTER TABLE articles RENAME TO items;

-- What each item is, in which language; the kind's own fields as a JSON object checked by the
-- model against the kind's descriptor (model/kind.c), kept in every revision too.
ALTER TABLE items ADD COLUMN kind TEXT NOT NULL DEFAULT 'article';
ALTER TABLE items ADD COLUMN lang TEXT NOT NULL DEFAULT 'vi';
ALTER TABLE items ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
ALTER TABLE revisions ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';

-- Derived from the fields by the kind (never typed): its identifier as written and normalised
-- (a legal document's number "12/2024/QĐ-UBND", key "12/2024/qd-ubnd"; a gazette issue's
-- number), and its own date as a day number (a document's issue date), which its lists sort on.
ALTER TABLE items ADD COLUMN ref TEXT;
ALTER TABLE items ADD COLUMN ref_key TEXT;
ALTER TABLE items ADD COLUMN item_day INTEGER;
CREATE INDEX items_kind_day ON items(site_id, kind, state, item_day, id);
CREATE INDEX items_ref ON items(kind, ref_key) WHERE ref_key IS NOT NULL;

-- A category holds one kind of item: news categories hold articles; a "Văn bản" category holds
-- legal documents, so the menu, breadcrumbs, deadline kind and review interval of a section work
-- the same for every kind.
ALTER TABLE categories ADD COLUMN kind TEXT NOT NULL DEFAULT 'article';

-- The values lists filter on (a legal document's type, issuing body, fields, year, scope,
-- validity), one row per value, kept by the model from the fields of the public version.
CREATE TABLE item_terms (
  item_id INTEGER NOT NULL REFERENCES items(id),
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (item_id, key, value)
);
CREATE INDEX item_terms_value ON item_terms(key, value, item_id);

-- Relations between items (a legal document amends, replaces, repeals… another; a gazette issue
-- contains documents). The other end may not be in the database yet: it is kept by its
-- identifier (to_ref as written, to_key normalised) and linked (to_id) when it arrives.
CREATE TABLE item_links (
  from_id  INTEGER NOT NULL REFERENCES items(id),
  relation TEXT NOT NULL,
  to_key   TEXT NOT NULL,
  to_ref   TEXT NOT NULL,
  to_id    INTEGER REFERENCES items(id),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (from_id, relation, to_key)
);
CREATE INDEX item_links_to ON item_links(to_id, relation);
CREATE INDEX item_links_key ON item_links(to_key);

-- The day an item's computed values change by themselves (a legal document taking effect, or
-- ending on the day a replacing document takes effect): the scheduler derives them again then.
ALTER TABLE items ADD COLUMN recheck_day INTEGER;
CREATE INDEX items_recheck ON items(recheck_day) WHERE recheck_day IS NOT NULL;

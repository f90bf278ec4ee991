-- 0014_listings: a site lists items of another site among its own — a department's or a
-- commune's document list shows the central documents (held once, on the main portal) that its
-- board chose, beside the ones it issued (docs/legal.md).
CREATE TABLE item_listings (
  site_id   INTEGER NOT NULL REFERENCES sites(id),
  item_id   INTEGER NOT NULL REFERENCES items(id),
  listed_by INTEGER REFERENCES users(id),
  listed_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, item_id)
);
CREATE INDEX item_listings_item ON item_listings(item_id);

-- 0051_site_texts: a site's own texts in its other languages (#16): its name, owning body,
-- address, phone line, footer lines… as the board enters them for /en/, /km/ pages
-- (model/site_texts.c). A key without a row, or an empty one, falls back to the Vietnamese
-- value of the sites row.
CREATE TABLE site_texts (
  site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  lang    TEXT NOT NULL,
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (site_id, lang, key)
);

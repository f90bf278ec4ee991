-- 0045_visits: visit statistics (#17, product.md §5; docs/visits.md).
--
-- Only counts, added in batches by the server from its counters in memory (http/visits.h):
-- page views per site and day (the day of Vietnam, vn_days_of_time), per item and day, and per
-- external referrer host and day. No address, no visitor id, no cookie: "online now" lives in
-- memory only. No foreign keys: a batch must never fail because an item or a site went away
-- meanwhile; the reports join what still exists.
CREATE TABLE visit_days (
  site_id INTEGER NOT NULL,
  day     INTEGER NOT NULL,
  views   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, day)
);
CREATE TABLE visit_items (
  item_id INTEGER NOT NULL,
  day     INTEGER NOT NULL,
  site_id INTEGER NOT NULL,
  views   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (item_id, day)
);
CREATE INDEX visit_items_site_day ON visit_items (site_id, day);
CREATE TABLE visit_referrers (
  site_id INTEGER NOT NULL,
  day     INTEGER NOT NULL,
  host    TEXT NOT NULL,
  views   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, day, host)
);
-- A site's choices: the public counter in its footer, and the government measurement system's
-- tracker (EMC; regulations.md §Layout), off while emc_site_id is 0.
CREATE TABLE visit_settings (
  site_id        INTEGER PRIMARY KEY REFERENCES sites(id),
  public_counter INTEGER NOT NULL DEFAULT 0,
  emc_site_id    INTEGER NOT NULL DEFAULT 0,
  emc_origin     TEXT NOT NULL DEFAULT 'https://f-emc.ngsp.gov.vn'
);
